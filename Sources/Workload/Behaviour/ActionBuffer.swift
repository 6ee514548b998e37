/// The actions a behaviour machine returns for one event: at most ``capacity`` of them, stored inline so that
/// handling an event never allocates.
///
/// Iterate it like an array; the executor performs the actions in order.
public struct ActionBuffer<Element>: RandomAccessCollection {
    /// The most actions one event produces (the machines never need more than three).
    public static var capacity: Int { 4 }

    @usableFromInline var slot0: Element?
    @usableFromInline var slot1: Element?
    @usableFromInline var slot2: Element?
    @usableFromInline var slot3: Element?
    @usableFromInline var length: UInt8 = 0

    /// An empty buffer.
    @inlinable
    public init() {}

    @inlinable
    public var startIndex: Int { 0 }

    @inlinable
    public var endIndex: Int { Int(length) }

    @inlinable
    public subscript(position: Int) -> Element {
        precondition(position >= 0 && position < Int(length), "ActionBuffer index out of range")
        switch position {
        case 0: return slot0!
        case 1: return slot1!
        case 2: return slot2!
        default: return slot3!
        }
    }

    /// Adds an action at the end; more than ``capacity`` actions is a programming error of the machine.
    @inlinable @inline(__always)
    public mutating func append(_ element: Element) {
        switch length {
        case 0: slot0 = element
        case 1: slot1 = element
        case 2: slot2 = element
        case 3: slot3 = element
        default: Self.overflow()
        }
        length += 1
    }

    /// Out of line, so that `append` stays small enough to inline.
    @usableFromInline @inline(never)
    static func overflow() -> Never {
        preconditionFailure("ActionBuffer holds at most \(capacity) actions")
    }

    /// Adds the actions of another buffer at the end.
    @inlinable
    public mutating func append(contentsOf other: ActionBuffer<Element>) {
        for element in other { append(element) }
    }
}

extension ActionBuffer: Sendable where Element: Sendable {}

extension ActionBuffer: Equatable where Element: Equatable {
    public static func == (lhs: ActionBuffer, rhs: ActionBuffer) -> Bool {
        lhs.elementsEqual(rhs)
    }
}

extension ActionBuffer: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Element...) {
        self.init()
        for element in elements { append(element) }
    }
}

extension ActionBuffer: CustomStringConvertible {
    public var description: String { "[" + map { "\($0)" }.joined(separator: ", ") + "]" }
}
