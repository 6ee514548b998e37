/// A visitor as the routing knows it while it is there: what `ContactCenter.visitorArrived` returns. Calls that
/// take the handle instead of the visitor's id find the visitor without hashing the id (a runner with many
/// visitors of its own, like the simulator, keeps the handle beside them). A handle is for one stay, and for the
/// contact centre that returned it (and its copies): once the visitor has left, calls with it throw
/// `unknownParticipant`, even when the same id says hello again.
public struct VisitorHandle: Hashable, Sendable {
    let slot: Int32
    let generation: UInt32
}

/// The routing's visitors in slots, with the ids of those that calls may name.
///
/// Slots are reused (each reuse bumps the slot's generation, which handles carry), so the table holds about as many
/// slots as visitors present at once. A visitor's state is read and changed in place by handle; the dictionary
/// from ids to slots is only touched by the calls that name visitors by id, and holds only the visitors that may
/// be named that way. The visitors' names (their ids and previous agents) are kept beside the states, so that a
/// state holds no strings and is read, written and copied as plain bytes. (Kept in the same slot instead, the names
/// made the slots' array one of non-trivial elements: the routing took 20 % longer per customer, `bench routing`.)
struct VisitorTable: Sendable {
    private var slots: [VisitorState] = []
    private var names: [Names] = []
    private var generations: [UInt32] = []
    private var free: [Int32] = []
    private var slotsByID: [String: Int32] = [:]
    /// Visitors present.
    private(set) var count = 0

    /// What names a visitor: its id, and the agent it asks for.
    struct Names: Sendable {
        var id: String
        var previousAgent: String?
    }

    /// A new visitor; `findable` ones are also known by `id` (an id that is already known is replaced).
    mutating func insert(_ state: VisitorState, id: String, previousAgent: String?, findable: Bool) -> VisitorHandle {
        let slot: Int32
        let names = Names(id: id, previousAgent: previousAgent)
        if let reused = free.popLast() {
            slot = reused
            generations[Int(slot)] &+= 1
            slots[Int(slot)] = state
            self.names[Int(slot)] = names
        } else {
            slot = Int32(slots.count)
            slots.append(state)
            self.names.append(names)
            generations.append(0)
        }
        slots[Int(slot)].present = true
        slots[Int(slot)].findable = findable
        if findable { slotsByID[id] = slot }
        count += 1
        return VisitorHandle(slot: slot, generation: generations[Int(slot)])
    }

    /// The id of the handle's visitor; it must be there (`contains`).
    func id(of handle: VisitorHandle) -> String {
        precondition(contains(handle), "a visitor handle used after the visitor left")
        return names[Int(handle.slot)].id
    }

    /// The agent the handle's visitor asks for; it must be there (`contains`).
    func previousAgent(of handle: VisitorHandle) -> String? {
        precondition(contains(handle), "a visitor handle used after the visitor left")
        return names[Int(handle.slot)].previousAgent
    }

    /// Sets the agent the handle's visitor asks for; it must be there (`contains`).
    mutating func setPreviousAgent(_ agent: String?, of handle: VisitorHandle) {
        precondition(contains(handle), "a visitor handle used after the visitor left")
        names[Int(handle.slot)].previousAgent = agent
    }

    /// The handle of a findable visitor present with `id`.
    func handle(of id: String) -> VisitorHandle? {
        guard let slot = slotsByID[id] else { return nil }
        return VisitorHandle(slot: slot, generation: generations[Int(slot)])
    }

    /// Whether the handle's visitor is still there.
    func contains(_ handle: VisitorHandle) -> Bool {
        Int(handle.slot) < slots.count && generations[Int(handle.slot)] == handle.generation && slots[Int(handle.slot)].present
    }

    /// The handle's visitor, read and changed in place; it must be there (`contains`).
    subscript(handle: VisitorHandle) -> VisitorState {
        _read {
            precondition(contains(handle), "a visitor handle used after the visitor left")
            yield slots[Int(handle.slot)]
        }
        _modify {
            precondition(contains(handle), "a visitor handle used after the visitor left")
            yield &slots[Int(handle.slot)]
        }
    }

    /// Changes the handle's visitor in place when it is still there; nothing otherwise (one check, where
    /// `contains` and the subscript made two).
    mutating func ifPresent(_ handle: VisitorHandle, _ change: (inout VisitorState) -> Void) {
        guard contains(handle) else { return }
        change(&slots[Int(handle.slot)])
    }

    /// Takes the handle's visitor out, with its id; nil when it is gone already.
    mutating func remove(_ handle: VisitorHandle) -> (state: VisitorState, id: String)? {
        guard contains(handle) else { return nil }
        let slot = Int(handle.slot)
        let state = slots[slot]
        let id = names[slot].id
        if state.findable { slotsByID[id] = nil }
        // The slot keeps its state until reused, marked absent; its strings are released.
        slots[slot].present = false
        names[slot] = Names(id: "", previousAgent: nil)
        free.append(handle.slot)
        count -= 1
        return (state, id)
    }
}
