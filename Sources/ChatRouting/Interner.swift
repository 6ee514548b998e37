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
}
