public import Histogram

/// A histogram serialised as a flat JSON array of `[value, count, value, count, …]` integer pairs,
/// one pair per non-empty bucket, ascending.
///
/// A pair's value is any value of its bucket: the first pair carries the exact smallest recorded
/// value and the last pair the exact largest (a single bucket holding both is written as two
/// pairs), the others their bucket's lowest value. Re-recording the pairs into a histogram of the
/// same layout (`LatencyRecorder.makeHistogram()`) therefore rebuilds the same bucket counts, min
/// and max, so runs can be re-analysed and merged from `run.json`. The library has no compact
/// encoding of its own; its `Codable` form is the dense counts array (tens of thousands of zeros).
public struct HistogramPairs: Codable, Sendable, Equatable {
    /// Alternating values and counts.
    public var pairs: [UInt64]

    public init(_ histogram: Histogram<UInt64>) {
        var buckets: [(value: UInt64, count: UInt64)] = []
        for bucket in histogram.recordedValues() {
            buckets.append((histogram.lowestEquivalentForValue(bucket.value), bucket.count))
        }
        if buckets.count == 1 {
            let count = buckets[0].count
            buckets = [(histogram.min, 1)]
            if count > 1 { buckets.append((histogram.maxRecorded, count - 1)) }
        } else if !buckets.isEmpty {
            buckets[0].value = histogram.min
            buckets[buckets.count - 1].value = histogram.maxRecorded
        }
        pairs = buckets.flatMap { [$0.value, $0.count] }
    }

    /// A histogram with the standard layout holding these pairs.
    public func histogram() -> Histogram<UInt64> {
        var histogram = LatencyRecorder.makeHistogram()
        var index = 0
        while index + 1 < pairs.count {
            histogram.record(Swift.min(pairs[index], LatencyRecorder.highestTrackableMicros), count: pairs[index + 1])
            index += 2
        }
        return histogram
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        pairs = try container.decode([UInt64].self)
        // The histogram library adds counts up in signed 64-bit arithmetic: a run.json whose counts sum past 2^62
        // (no run records that many) would trap there.
        var total: UInt64 = 0
        var index = 1
        while index < pairs.count {
            let (sum, overflow) = total.addingReportingOverflow(pairs[index])
            guard !overflow, sum <= 1 << 62 else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "histogram counts add up to more than 2^62")
            }
            total = sum
            index += 2
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(pairs)
    }
}

extension LatencyRecorder {
    /// Both histograms as value/count pairs.
    public var pairs: (corrected: HistogramPairs, uncorrected: HistogramPairs) {
        (HistogramPairs(corrected), HistogramPairs(uncorrected))
    }

    /// A recorder rebuilt from serialised pairs.
    public init(corrected: HistogramPairs, uncorrected: HistogramPairs) {
        self.init(corrected: corrected.histogram(), uncorrected: uncorrected.histogram())
    }
}
