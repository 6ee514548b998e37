/// Maps names to small integers, in order of first sight, so hot paths hash integers, not strings: the routing's
/// departments and languages; the simulator's mirror of the recorder's breakdown names.
public struct Interner: Sendable {
    private var ids: [String: Int32] = [:]
    public private(set) var names: [String] = []

    public init() {}

    /// The name's id: the number of names seen before it, the first time.
    public mutating func id(_ name: String) -> Int32 {
        if let id = ids[name] { return id }
        let id = Int32(names.count)
        ids[name] = id
        names.append(name)
        return id
    }

    func existing(_ name: String) -> Int32? { ids[name] }

    subscript(id: Int32) -> String { names[Int(id)] }
}

/// A queue and a skill: one department in one language.
struct QueueKey: Hashable, Sendable {
    var department: Int32
    var language: Int32

    /// The dictionaries of queues and skills hash a key several times per request and per agent with room; through
    /// `Hasher` (SipHash) that was about 3 % of a simulated day. The two small ids are mixed into one word by a
    /// multiply (Fibonacci hashing) instead: keys are interned ids, not input an attacker chooses.
    func _rawHashValue(seed: Int) -> Int {
        let word = UInt64(UInt32(bitPattern: department)) << 32 | UInt64(UInt32(bitPattern: language))
        let mixed = (word ^ UInt64(bitPattern: Int64(seed))) &* 0x9E37_79B9_7F4A_7C15
        return Int(bitPattern: UInt(mixed ^ (mixed >> 29)))
    }
}
