/// The simulation's visitor and agent slots: a growable array in raw memory that the simulation owns (it is not
/// copyable), read and changed in place through addressors.
///
/// Every `visitors[i].field = …` on a Swift array checks the array's uniqueness before writing (a runtime call) —
/// several per event, the largest part of `swift_isUniquelyReferenced` in perf. A simulation never copies its slots,
/// so here the check is a bounds check only.
struct Slots<Element>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = Swift.max(1, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    var indices: Range<Int> { 0..<count }

    mutating func append(_ element: consuming Element) {
        if count == capacity {
            let larger = capacity * 2
            let new = UnsafeMutablePointer<Element>.allocate(capacity: larger)
            new.moveInitialize(from: base, count: count)
            base.deallocate()
            base = new
            capacity = larger
        }
        (base + count).initialize(to: element)
        count += 1
    }

    subscript(index: Int) -> Element {
        @inline(__always)
        unsafeAddress {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "slot index out of range")
            return UnsafePointer(base + index)
        }
        @inline(__always)
        unsafeMutableAddress {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "slot index out of range")
            return base + index
        }
    }
}
