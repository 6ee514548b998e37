import Yams

/// `agents:` (sites and their shifts), `bots:` and `handling:`.
extension ProfileReader {
    /// The most chats a site's agents may hold at once (`maxChats`): far beyond any real agent's load, and a guard
    /// against typos, since the planner's model grows with it (a rate per load level, a state per level). The same
    /// limits as the routing's (`ChatRouting.AgentProfile`), which this module does not import.
    static let mostChatsAtOnce = 100
    static let mostLanguages = 64
    static let mostDepartments = 256

    /// `values`, unless they are more than `limit` (reported at the list).
    func atMost(_ limit: Int, _ what: String, _ list: Node, _ path: String, _ values: [String]?) -> [String]? {
        guard let values, values.count > limit else { return values }
        report("an agent has at most \(limit) \(what), found \(values.count)", at: list, path: path)
        return nil
    }

    static let siteKeys = [
        "name", "timeZone", "headcount", "shifts", "languages", "departments", "maxChats", "replyTime", "transferShare",
        "transferTo", "performance", "translation",
    ]
    static let shiftKeys = ["start", "end", "days", "headcount"]
    static let botKeys = ["departments", "resolvedShare", "answerTime"]

    func agents(_ node: Node, _ path: String) -> AgentRoster? {
        guard let fields = keyed(node, path, keys: ["sites"]) else { return nil }
        if let list = fields.entries["sites"]?.value {
            checkUnique(list, fields.path("sites"), what: "site")
        }
        guard let sites = required(fields, "sites", { self.items($0, $1, nonEmpty: true, self.site) }) else { return nil }
        return AgentRoster(sites: sites)
    }

    func site(_ node: Node, _ path: String) -> Site? {
        guard let fields = keyed(node, path, keys: Self.siteKeys) else { return nil }
        let name = required(fields, "name", self.name)
        let timeZone = required(fields, "timeZone", timeZone)
        let headcount = optional(fields, "headcount") { self.integer(atLeast: 1, $0, $1) }
        let shifts = required(fields, "shifts") { self.items($0, $1, nonEmpty: true, self.shift) }
        let languages = required(fields, "languages") { list, listPath in
            self.atMost(Self.mostLanguages, "languages", list, listPath, self.items(list, listPath, nonEmpty: true, self.language))
        }
        let departments = required(fields, "departments") { list, listPath in
            let names = self.items(list, listPath, nonEmpty: true) { item, itemPath in
                self.name(item, itemPath).map { name -> String in
                    self.servedDepartments.insert(name)
                    self.references.append(Reference(kind: .knownDepartment, name: name, node: item, path: itemPath))
                    return name
                }
            }
            return self.atMost(Self.mostDepartments, "departments", list, listPath, names)
        }
        let maxChats = optional(fields, "maxChats") { node, path -> Int? in
            guard let chats = self.integer(atLeast: 1, node, path) else { return nil }
            guard chats <= Self.mostChatsAtOnce else {
                self.report("an agent holds at most \(Self.mostChatsAtOnce) chats at once, found \(chats)", at: node, path: path)
                return nil
            }
            return chats
        }
        let replyTime = optional(fields, "replyTime", distribution(of: .duration))
        let transferShare = optional(fields, "transferShare", probability)
        let transferTo = optional(fields, "transferTo") { list, listPath in
            self.items(list, listPath) { item, itemPath in
                self.name(item, itemPath).map { name -> String in
                    self.transferTargets.insert(name)
                    self.references.append(Reference(kind: .servedDepartment, name: name, node: item, path: itemPath))
                    return name
                }
            }
        }
        let performance = optional(fields, "performance", positive)
        let translation = optional(fields, "translation", bool)

        if let transferShare, transferShare > 0, (transferTo ?? []).isEmpty, let node = fields.entries["transferShare"]?.value {
            report(
                "chats are transferred (transferShare > 0) but transferTo names no department",
                at: node,
                path: fields.path("transferShare")
            )
        }
        guard let name, let timeZone, let shifts, let languages, let departments else { return nil }
        let shiftHeadcounts = shifts.compactMap(\.headcount)
        guard let siteHeadcount = headcount ?? shiftHeadcounts.max() else {
            if fields.has("headcount") { return nil }
            report("missing required key \"headcount\" (or give every shift its own headcount)", at: fields.mark, path: path)
            return nil
        }
        if headcount == nil && shiftHeadcounts.count < shifts.count {
            report("some shifts have no headcount; give the site a headcount or every shift its own", at: fields.mark, path: path)
            return nil
        }
        var site = Site(
            name: name,
            timeZone: timeZone,
            headcount: siteHeadcount,
            shifts: shifts,
            languages: languages,
            departments: departments
        )
        site.maxChats = maxChats ?? site.maxChats
        site.replyTime = replyTime ?? site.replyTime
        site.transferShare = transferShare ?? site.transferShare
        site.transferTo = transferTo ?? site.transferTo
        site.performance = performance ?? site.performance
        site.translation = translation ?? site.translation
        return site
    }

    /// `{start: "08:00", end: "16:30", days: mon-fri, headcount: 12}` in the site's local time.
    func shift(_ node: Node, _ path: String) -> Shift? {
        guard let fields = keyed(node, path, keys: Self.shiftKeys) else { return nil }
        let start = required(fields, "start") { self.timeOfDay($0, $1) }
        let end = required(fields, "end") { self.timeOfDay($0, $1, allowMidnightEnd: true) }
        let days = optional(fields, "days", weekdays)
        let headcount = optional(fields, "headcount") { self.integer(atLeast: 1, $0, $1) }
        guard let start, let end else { return nil }
        guard start != end else {
            report(
                "the shift starts and ends at \(start); for a whole day write 00:00 to 24:00",
                at: fields.entries["end"]?.value,
                path: fields.path("end")
            )
            return nil
        }
        if fields.has("days") && days == nil || fields.has("headcount") && headcount == nil { return nil }
        return Shift(start: start, end: end, days: days ?? Weekday.allCases, headcount: headcount)
    }

    func bot(_ node: Node, _ path: String) -> Bot? {
        guard let fields = keyed(node, path, keys: Self.botKeys) else { return nil }
        let departments = required(fields, "departments") { list, listPath in
            self.items(list, listPath, nonEmpty: true) { item, itemPath in
                self.name(item, itemPath).map { name -> String in
                    self.references.append(Reference(kind: .requestedDepartment, name: name, node: item, path: itemPath))
                    if !self.botDepartments.insert(name).inserted {
                        self.report("another bot already answers department \"\(name)\"", at: item, path: itemPath)
                    }
                    return name
                }
            }
        }
        let resolvedShare = required(fields, "resolvedShare", probability)
        let answerTime = optional(fields, "answerTime", distribution(of: .duration))
        guard let departments, let resolvedShare else { return nil }
        var bot = Bot(departments: departments, resolvedShare: resolvedShare)
        bot.answerTime = answerTime ?? bot.answerTime
        return bot
    }

    /// `handling: {byConcurrency: [dist for 1 chat, dist for 2 chats, …]}`.
    func handling(_ node: Node, _ path: String) -> HandlingModel? {
        guard let fields = keyed(node, path, keys: ["byConcurrency"]) else { return nil }
        let byConcurrency = required(fields, "byConcurrency") { self.items($0, $1, nonEmpty: true, self.distribution(of: .duration)) }
        return byConcurrency.map { HandlingModel(byConcurrency: $0) }
    }
}
