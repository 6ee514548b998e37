/// The simulation's visitor and agent slots: a growable array in raw memory that the simulation owns (it is not
/// copyable), read and changed in place through addressors.
///
/// Every `visitors[i].field = …` on a Swift array checks the array's uniqueness before writing (a runtime call) —
/// several per event, the largest part of `swift_isUniquelyReferenced` in perf. A simulation never copies its slots,
/// so here the check is a bounds check only.
struct Slots<Element>: ~Copyable {
    private var storage: RawRun<Element>

    init(capacity: Int = 64) {
        storage = RawRun(capacity: Swift.max(1, capacity))
    }

    deinit {
        storage.base?.deinitialize(count: storage.count)
        storage.deallocate()
    }

    var count: Int { storage.count }
    var indices: Range<Int> { 0..<count }

    mutating func append(_ element: consuming Element) {
        storage.append(element)
    }

    subscript(index: Int) -> Element {
        @inline(__always)
        unsafeAddress {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "slot index out of range")
            return UnsafePointer(storage.base.unsafelyUnwrapped + index)
        }
        @inline(__always)
        unsafeMutableAddress {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "slot index out of range")
            return storage.base.unsafelyUnwrapped + index
        }
    }
}
