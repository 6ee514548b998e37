@testable import ChatRouting

/// The agent selection as it was before the pool index: a scan of every agent with the skill (and every
/// translating agent of the department), in the order the old per-skill lists held them (by login). Kept here as
/// the oracle that the indexed selection must match in every case.
struct LinearSelection {
    let center: ContactCenter
    /// The old lists: agent slots by skill and translating agents by department, whatever their status, each in
    /// the order the slots joined at their latest login.
    private var skilledLists: [QueueKey: [Int]] = [:]
    private var translatorLists: [Int32: [Int]] = [:]

    init(_ center: ContactCenter) {
        self.center = center
        let agents = center.agents
        for slot in agents.indices.sorted(by: { agents[$0].loginOrder < agents[$1].loginOrder }) {
            for key in agents[slot].skills { skilledLists[key, default: []].append(slot) }
            guard agents[slot].profile.translation else { continue }
            for department in agents[slot].departments { translatorLists[department, default: []].append(slot) }
        }
    }

    private func skilled(_ key: QueueKey) -> [Int] { skilledLists[key] ?? [] }

    private func translators(_ department: Int32) -> [Int] { translatorLists[department] ?? [] }

    func selectAgent(for key: QueueKey, overflow: Bool, excluding excluded: Int?) -> Int? {
        let agents = center.agents
        var best: Int?
        func consider(_ slot: Int) {
            guard slot != excluded, agents[slot].hasRoom else { return }
            guard let current = best else {
                best = slot
                return
            }
            let a = agents[slot]
            let b = agents[current]
            let better: Bool
            switch center.configuration.assignment {
            case .leastLoaded:
                better = (a.chats.count, a.lastAssigned, a.loginOrder) < (b.chats.count, b.lastAssigned, b.loginOrder)
            case .fillFirst:
                better = a.chats.count > b.chats.count || (a.chats.count == b.chats.count && a.loginOrder < b.loginOrder)
            }
            if better { best = slot }
        }
        for slot in skilled(key) { consider(slot) }
        if overflow {
            for slot in translators(key.department) { consider(slot) }
        }
        return best
    }

    func canServe(_ key: QueueKey) -> Bool {
        if skilled(key).contains(where: { center.agents[$0].status == .online }) { return true }
        guard center.configuration.overflowAfter != nil else { return false }
        return translators(key.department).contains { center.agents[$0].status == .online }
    }

    func anyRoom(_ key: QueueKey) -> Bool {
        skilled(key).contains { center.agents[$0].hasRoom }
    }

    func anyLoggedIn(_ key: QueueKey) -> Bool {
        skilled(key).contains { center.agents[$0].status != .offline }
    }
}
