import Yams

/// `visitors:`: how visitors behave. Every key is optional; what is left out keeps the model's default.
extension ProfileReader {
    static let visitorKeys = [
        "preChatForm", "invitation", "patience", "messagesPerChat", "thinkTime", "typingSpeed", "messageLength", "survey",
        "conversion", "reconnect",
    ]

    func visitors(_ node: Node, _ path: String) -> VisitorBehaviour? {
        guard let fields = keyed(node, path, keys: Self.visitorKeys) else { return nil }
        var visitors = VisitorBehaviour()
        visitors.preChatForm = optional(fields, "preChatForm", preChatForm) ?? visitors.preChatForm
        visitors.invitation = optional(fields, "invitation", invitation)
        visitors.patience = optional(fields, "patience", distribution(of: .duration)) ?? visitors.patience
        visitors.messagesPerChat = optional(fields, "messagesPerChat", distribution(of: .amount)) ?? visitors.messagesPerChat
        visitors.thinkTime = optional(fields, "thinkTime", distribution(of: .duration)) ?? visitors.thinkTime
        visitors.typingSpeed = optional(fields, "typingSpeed", distribution(of: .rate)) ?? visitors.typingSpeed
        if let lengths = optional(fields, "messageLength", messageLength) {
            visitors.defaultMessageLength = lengths.defaultLength ?? visitors.defaultMessageLength
            visitors.messageLength = lengths.byLanguage
        }
        visitors.survey = optional(fields, "survey", survey) ?? visitors.survey
        visitors.conversion = optional(fields, "conversion", conversion) ?? visitors.conversion
        visitors.reconnect = optional(fields, "reconnect", reconnect) ?? visitors.reconnect
        return visitors
    }

    func preChatForm(_ node: Node, _ path: String) -> VisitorBehaviour.PreChatForm? {
        guard let fields = keyed(node, path, keys: ["fields", "abandonPerField", "timePerField"]) else { return nil }
        var form = VisitorBehaviour.PreChatForm()
        form.fields = optional(fields, "fields") { self.integer(atLeast: 0, $0, $1) } ?? form.fields
        form.abandonPerField = optional(fields, "abandonPerField", probability) ?? form.abandonPerField
        form.timePerField = optional(fields, "timePerField", distribution(of: .duration)) ?? form.timePerField
        return form
    }

    /// Present (even as `{}`) means visitors browse and may be invited.
    func invitation(_ node: Node, _ path: String) -> VisitorBehaviour.Invitation? {
        let keys = ["browsingShare", "browseTime", "pages", "cartValue", "acceptanceRate"]
        guard let fields = keyed(node, path, keys: keys) else { return nil }
        var invitation = VisitorBehaviour.Invitation()
        invitation.browsingShare = optional(fields, "browsingShare", probability) ?? invitation.browsingShare
        invitation.browseTime = optional(fields, "browseTime", distribution(of: .duration)) ?? invitation.browseTime
        invitation.pages = optional(fields, "pages", distribution(of: .amount)) ?? invitation.pages
        invitation.cartValue = optional(fields, "cartValue", distribution(of: .amount)) ?? invitation.cartValue
        invitation.acceptanceRate = optional(fields, "acceptanceRate", probability) ?? invitation.acceptanceRate
        return invitation
    }

    /// `{default: …, hi: …, ja: …}`: characters per message, by language.
    func messageLength(_ node: Node, _ path: String) -> (defaultLength: Distribution?, byLanguage: [String: Distribution])? {
        guard let pairs = pairs(node, path, expecting: "a mapping of language (or default) to distribution") else { return nil }
        var defaultLength: Distribution?
        var byLanguage: [String: Distribution] = [:]
        for pair in pairs {
            let itemPath = Self.child(path, pair.name)
            if pair.name == "default" {
                defaultLength = distribution(pair.value, itemPath, .amount)
                continue
            }
            guard Self.isLanguageCode(pair.name) else {
                report("\"\(pair.name)\" is neither default nor a language code such as en or hi", at: pair.key, path: itemPath)
                continue
            }
            references.append(Reference(kind: .language, name: pair.name, node: pair.key, path: itemPath))
            byLanguage[pair.name] = distribution(pair.value, itemPath, .amount)
        }
        return (defaultLength, byLanguage)
    }

    func survey(_ node: Node, _ path: String) -> VisitorBehaviour.Survey? {
        guard let fields = keyed(node, path, keys: ["answerRate", "score"]) else { return nil }
        var survey = VisitorBehaviour.Survey()
        survey.answerRate = optional(fields, "answerRate", probability) ?? survey.answerRate
        survey.score = optional(fields, "score", distribution(of: .score)) ?? survey.score
        return survey
    }

    /// Department → probability that a chat ends in a sale.
    func conversion(_ node: Node, _ path: String) -> [String: Double]? {
        guard let pairs = pairs(node, path, expecting: "a mapping of department to probability") else { return nil }
        var result: [String: Double] = [:]
        for pair in pairs {
            let itemPath = Self.child(path, pair.name)
            references.append(Reference(kind: .knownDepartment, name: pair.name, node: pair.key, path: itemPath))
            result[pair.name] = probability(pair.value, itemPath)
        }
        return result
    }

    func reconnect(_ node: Node, _ path: String) -> VisitorBehaviour.Reconnect? {
        guard let fields = keyed(node, path, keys: ["probability", "after"]) else { return nil }
        var reconnect = VisitorBehaviour.Reconnect()
        reconnect.probability = optional(fields, "probability", probability) ?? reconnect.probability
        reconnect.after = optional(fields, "after", distribution(of: .duration)) ?? reconnect.after
        return reconnect
    }
}
