/// A hash table from chat ids to values: open addressing with linear probing and backward-shift deletion.
///
/// Written by hand because chat ids are the hottest keys of both the routing and the simulator (several lookups per
/// relayed message), and `Dictionary` hashes every `UInt64` key with SipHash and scatters them over memory. Chat
/// ids are handed out in sequence, so the key's low bits pick the bucket: the chats open at one time occupy
/// neighbouring buckets (a ring over the id window, no collisions while the ids open at once span fewer than the
/// buckets). Each key is stored next to its value, so a lookup of a chat that is not in cache costs one miss,
/// not two. Keys are nonzero (`ChatID` 0 means "no chat"). Inlinable so that other modules get it specialised for
/// their value type.
public struct ChatTable<Value> {
    @usableFromInline
    struct Entry {
        @usableFromInline var key: ChatID
        @usableFromInline var value: Value?

        @inlinable init(key: ChatID, value: Value?) {
            self.key = key
            self.value = value
        }
    }

    @usableFromInline var entries: [Entry]
    @usableFromInline var mask: Int
    @usableFromInline var stored = 0

    /// The number of chats in the table.
    @inlinable public var count: Int { stored }

    /// An empty table.
    @inlinable
    public init() {
        entries = [Entry](repeating: Entry(key: 0, value: nil), count: 16)
        mask = 15
    }

    @inlinable public var isEmpty: Bool { count == 0 }

    @inlinable @inline(__always)
    func home(_ key: ChatID) -> Int {
        Int(truncatingIfNeeded: key) & mask
    }

    /// The bucket holding `key`, or nil.
    @inlinable @inline(__always)
    func find(_ key: ChatID) -> Int? {
        var index = home(key)
        while true {
            let found = entries[index].key
            if found == key { return index }
            if found == 0 { return nil }
            index = (index + 1) & mask
        }
    }

    /// The value of `key`; setting nil removes it.
    @inlinable
    public subscript(key: ChatID) -> Value? {
        get {
            guard let index = find(key) else { return nil }
            return entries[index].value
        }
        set {
            guard let newValue else {
                removeValue(forKey: key)
                return
            }
            precondition(key != 0, "chat id 0 is not a chat")
            if let index = find(key) {
                entries[index].value = newValue
                return
            }
            if (count + 1) * 2 > entries.count { grow() }
            var index = home(key)
            while entries[index].key != 0 { index = (index + 1) & mask }
            entries[index] = Entry(key: key, value: newValue)
            stored += 1
        }
    }

    /// Where `key` is stored, for reading and changing its value in place (valid until the next insertion or
    /// removal).
    @inlinable @inline(__always)
    public func bucket(of key: ChatID) -> Int? { find(key) }

    /// The value in a bucket returned by `bucket(of:)`. Read in place: `table[bucket: b].field` reads the field
    /// without copying the whole value (`value!` here copied it whole: perf showed the copy).
    @inlinable
    public subscript(bucket index: Int) -> Value {
        _read {
            // An occupied bucket (nonzero key) always holds a value.
            precondition(entries[index].key != 0, "not a bucket that bucket(of:) returned")
            yield entries[index].value.unsafelyUnwrapped
        }
        _modify { yield &entries[index].value! }
    }

    /// Removes `key`; returns its value, or nil when it was absent.
    @inlinable
    @discardableResult
    public mutating func removeValue(forKey key: ChatID) -> Value? {
        guard var hole = find(key) else { return nil }
        let value = entries[hole].value
        // Backward shift: move later entries of the probe run into the hole when their home allows it.
        var index = hole
        while true {
            index = (index + 1) & mask
            let moving = entries[index].key
            if moving == 0 { break }
            let home = home(moving)
            // `moving` may fill the hole when the hole lies cyclically in [home, index).
            if (index - home) & mask >= (index - hole) & mask {
                entries[hole] = entries[index]
                hole = index
            }
        }
        entries[hole] = Entry(key: 0, value: nil)
        stored -= 1
        return value
    }

    /// Every value, in no particular order.
    @inlinable
    public var values: [Value] { entries.compactMap(\.value) }

    @usableFromInline
    mutating func grow() {
        let old = entries
        entries = [Entry](repeating: Entry(key: 0, value: nil), count: old.count * 2)
        mask = entries.count - 1
        for entry in old where entry.key != 0 {
            var index = home(entry.key)
            while entries[index].key != 0 { index = (index + 1) & mask }
            entries[index] = entry
        }
    }
}

extension ChatTable: Sendable where Value: Sendable {}
extension ChatTable.Entry: Sendable where Value: Sendable {}
