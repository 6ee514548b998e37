/// One visitor arriving: when, from which region, asking in which language for which department.
public struct Arrival: Sendable, Hashable {
    /// Run seconds since `calendar.start`, in `[0, duration)`.
    public var time: Double
    /// Index of the region in the profile's `regions`.
    public var regionIndex: Int
    public var regionName: String
    public var language: String
    public var department: String
    /// The visitor chatted before and names their previous agent.
    public var returning: Bool
    /// The arrival's number within its region, from 0, in time order.
    public var sequence: Int
    /// The (language, department) pair as a number below `languages × departments` of the region's mixes, the same
    /// for the same pair of one region (-1: not known, or a mix is empty): lets a runner look up what it keeps per
    /// pair without hashing the names.
    public var mix: Int

    public init(
        time: Double,
        regionIndex: Int,
        regionName: String,
        language: String,
        department: String,
        returning: Bool,
        sequence: Int,
        mix: Int = -1
    ) {
        self.time = time
        self.regionIndex = regionIndex
        self.regionName = regionName
        self.language = language
        self.department = department
        self.returning = returning
        self.sequence = sequence
        self.mix = mix
    }

    /// The key of the visitor's own random stream (`SeededGenerator.split`): region and sequence, since each
    /// region numbers its visitors from 0. The live engine and the simulator draw a visitor's behaviour from the
    /// same stream.
    public var streamKey: UInt64 { UInt64(sequence) | UInt64(regionIndex) << 40 }

    /// A stable id, `<region>-v<sequence>`: the same for the same profile and seed, unchanged by adding regions.
    public var visitorID: String { "\(regionName)-v\(sequence)" }

    /// A short id, unique within a run: the region's place and the sequence in hexadecimal, `<region>.<sequence>`.
    /// At most 15 bytes (below 4,096 regions and 16^11 visitors each), so Swift keeps it inline: making it allocates nothing and copying
    /// it counts no references. For a runner whose ids appear in no output (the simulator: `visitorID` took 5 % of
    /// the Erlang C day when the region's name made it longer than 15 bytes, and its copies' reference counting more).
    public var compactID: String {
        // Written by hand: interpolation formats through generic code (most of the cost above).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            var end = 32
            func put(_ value: UInt64) {
                var rest = value
                repeat {
                    end -= 1
                    let digit = UInt8(truncatingIfNeeded: rest & 0xF)
                    buffer[end] = digit < 10 ? 0x30 + digit : 0x57 + digit
                    rest >>= 4
                } while rest != 0
            }
            put(UInt64(truncatingIfNeeded: sequence))
            end -= 1
            buffer[end] = UInt8(ascii: ".")
            put(UInt64(truncatingIfNeeded: regionIndex))
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[end..<32]), as: UTF8.self)
        }
    }
}
