/// A growable run of values in raw memory, doubling when full: the storage under the simulator's slots and its
/// event queue, where Swift arrays would check their uniqueness on every write (see `Slots`).
///
/// Copyable and without a deinitialiser: its owner decides when the values and the memory go, and may reset `count`
/// for values that need no deinitialising.
struct RawRun<Element> {
    private(set) var base: UnsafeMutablePointer<Element>?
    var count = 0
    private(set) var capacity = 0

    init(capacity: Int = 0) {
        if capacity > 0 {
            base = .allocate(capacity: capacity)
            self.capacity = capacity
        }
    }

    @inline(__always)
    mutating func append(_ element: consuming Element) {
        if count == capacity { grow() }
        (base.unsafelyUnwrapped + count).initialize(to: element)
        count += 1
    }

    /// Room for at least one more.
    mutating func grow() {
        let larger = Swift.max(64, capacity * 2)
        let new = UnsafeMutablePointer<Element>.allocate(capacity: larger)
        if let base {
            new.moveInitialize(from: base, count: count)
            base.deallocate()
        }
        base = new
        capacity = larger
    }

    func deallocate() { base?.deallocate() }
}
