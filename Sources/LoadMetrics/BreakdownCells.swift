/// One metric set per combination of breakdown keys seen (region, language, department, site), added into the
/// totals and the four breakdowns at the end of a run, instead of five metric sets updated at every message.
///
/// A message delivered to a visitor in region `r`, language `l`, department `d`, talking to an agent of site `s`,
/// lands in the totals and in one set of each dimension: five histogram records. A run has few combinations (a
/// region speaks few languages, a department is served by few sites), so one set per combination records once,
/// and `fold(into:_:)` adds each combination's set to the five places at the end. Sums and histograms add, so the
/// result is the same. The sets' histograms start small and grow (`MetricSet(growing:)`): with a hundred or more
/// combinations, full-size ones would be tens of megabytes to zero and to add.
///
/// Combinations are found by an open-addressing table over the four ids packed into 64 bits, so an update hashes
/// no string and allocates nothing once its combination exists. (Written here: `Dictionary` would run SipHash over
/// the key at every event.)
struct BreakdownCells: Sendable {
    /// The sets, in the order their combinations were first seen.
    private(set) var sets: [MetricSet] = []
    /// The combination of each set.
    private(set) var keys: [BreakdownKeys] = []
    /// Slots of the table: 0 empty, else 1 + an index into `sets`; `packed` holds each slot's key.
    private var slots = [Int32](repeating: 0, count: 64)
    private var packed = [UInt64](repeating: 0, count: 64)

    /// Whether the four ids fit the table's 16 bits each (`-1` … 65,534).
    @inline(__always)
    static func fits(_ keys: BreakdownKeys) -> Bool {
        keys.region < 0xFFFF && keys.language < 0xFFFF && keys.department < 0xFFFF && keys.site < 0xFFFF
    }

    /// Applies `body` to the set of `keys`' combination (which must `fit`), adding the set the first time.
    @inline(__always)
    mutating func update(_ keys: BreakdownKeys, _ body: (inout MetricSet) -> Void) {
        let index = self.index(of: keys)
        body(&sets[index])
    }

    @inline(__always)
    private mutating func index(of keys: BreakdownKeys) -> Int {
        let key = Self.pack(keys)
        let mask = slots.count - 1
        // Fibonacci hashing: the packed ids differ in few low bits; the multiply spreads them over the top bits.
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return insert(keys, packed: key, at: slot) }
            if packed[slot] == key { return Int(entry) - 1 }
            slot = (slot + 1) & mask
        }
    }

    private mutating func insert(_ keys: BreakdownKeys, packed key: UInt64, at slot: Int) -> Int {
        let index = sets.count
        sets.append(MetricSet(growing: ()))
        self.keys.append(keys)
        slots[slot] = Int32(index + 1)
        packed[slot] = key
        if sets.count * 2 > slots.count { grow() }
        return index
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        slots = [Int32](repeating: 0, count: capacity)
        packed = [UInt64](repeating: 0, count: capacity)
        for (index, keys) in keys.enumerated() {
            let key = Self.pack(keys)
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & (capacity - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(index + 1)
            packed[slot] = key
        }
    }

    /// The four ids + 1 in 16 bits each (so that `-1`, none, packs as 0).
    @inline(__always)
    private static func pack(_ keys: BreakdownKeys) -> UInt64 {
        UInt64(UInt16(truncatingIfNeeded: keys.region &+ 1))
            | UInt64(UInt16(truncatingIfNeeded: keys.language &+ 1)) << 16
            | UInt64(UInt16(truncatingIfNeeded: keys.department &+ 1)) << 32
            | UInt64(UInt16(truncatingIfNeeded: keys.site &+ 1)) << 48
    }

    /// Adds every set into `total` and into the breakdowns of the keys it was recorded with, then forgets them.
    mutating func fold(into total: inout MetricSet, _ breakdowns: inout [Breakdown]) {
        for (set, keys) in zip(sets, self.keys) {
            total.merge(set)
            for dimension in Dimension.allCases {
                let id = keys[dimension]
                if id >= 0 { breakdowns[dimension.index].sets[Int(id)].merge(set) }
            }
        }
        self = BreakdownCells()
    }
}
