/// Maps department and language names to small integers so hot paths hash integers, not strings.
struct Interner: Sendable {
    private var ids: [String: Int32] = [:]
    private(set) var names: [String] = []

    mutating func id(_ name: String) -> Int32 {
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
