import Yams

/// `goals:`: what capacity planning staffs for.
///
/// ```yaml
/// goals:
///   serviceLevel: { target: 0.8, within: 30s }
///   maxAbandonment: 0.05
///   maxOccupancy: 0.85
/// ```
extension ProfileReader {
    static let goalKeys = ["serviceLevel", "maxAbandonment", "maxOccupancy"]

    func goals(_ node: Node, _ path: String) -> Goals? {
        guard let fields = keyed(node, path, keys: Self.goalKeys) else { return nil }
        var goals = Goals()
        goals.serviceLevel = optional(fields, "serviceLevel", serviceLevelGoal)
        goals.maxAbandonment = optional(fields, "maxAbandonment") { self.ceiling("an abandonment ceiling", $0, $1) }
        goals.maxOccupancy = optional(fields, "maxOccupancy") { self.ceiling("an occupancy ceiling", $0, $1) }
        if case .mapping(let mapping) = node, mapping.count == 0 {
            report("give at least one of: " + Self.goalKeys.joined(separator: ", "), at: node, path: path)
        }
        return goals
    }

    /// `{target: 0.8, within: 30s}`: both keys required.
    func serviceLevelGoal(_ node: Node, _ path: String) -> Goals.ServiceLevel? {
        guard let fields = keyed(node, path, keys: ["target", "within"]) else { return nil }
        let target = required(fields, "target", probability)
        let within = required(fields, "within", duration)
        guard let target, let within else { return nil }
        return Goals.ServiceLevel(target: target, within: within)
    }

    /// A ceiling on a share: above 0 (no staffing brings abandonment or occupancy to 0) and at most 1.
    func ceiling(_ what: String, _ node: Node, _ path: String) -> Double? {
        guard let value = probability(node, path) else { return nil }
        guard value > 0 else {
            report("\(what) must be above 0, found 0", at: node, path: path)
            return nil
        }
        return value
    }
}
