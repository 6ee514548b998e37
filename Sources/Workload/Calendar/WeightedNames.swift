/// A mix of names with shares (a region's languages or departments), drawn by one uniform number.
///
/// Names are kept in sorted order so that the draw does not depend on the dictionary's iteration order, which
/// changes from process to process.
struct WeightedNames: Sendable, Hashable {
    let names: [String]
    /// Running totals of the shares, in `names` order.
    let cumulative: [Double]

    init(_ shares: [String: Double]) {
        var names: [String] = []
        var cumulative: [Double] = []
        var total = 0.0
        for (name, share) in shares.sorted(by: { $0.key < $1.key }) where share.isFinite && share > 0 {
            total += share
            names.append(name)
            cumulative.append(total)
        }
        self.names = names
        self.cumulative = cumulative
    }

    /// The index in `names` of the name a uniform number `unit` in `[0, 1)` falls on; -1 for an empty mix.
    func pickIndex(_ unit: Double) -> Int {
        guard let total = cumulative.last else { return -1 }
        let point = unit * total
        for i in cumulative.indices where point < cumulative[i] { return i }
        return names.count - 1
    }
}
