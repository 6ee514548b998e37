public import Histogram

/// An HDR histogram's samples counted and summed per bucket of fixed upper bounds (Prometheus' `le` buckets), read
/// again and again so that an exporter can feed only the samples recorded since the last read.
///
/// Each HDR sub-bucket is placed by its median-equivalent value and counted with that value in the sums, so bucket
/// counts and sums are exact to the histogram's precision (three significant digits for this module's recorders).
/// The values in a bucket `i` are in `(upperBounds[i-1], upperBounds[i]]`; the last bucket holds the values above
/// every bound (Prometheus' `+Inf`).
public struct BucketTotals: Sendable, Equatable {
    /// Upper bounds, ascending, in the histogram's unit.
    public let upperBounds: [UInt64]
    /// Samples per bucket (not cumulative), `upperBounds.count + 1` entries.
    public private(set) var counts: [UInt64]
    /// Sum of the samples per bucket, like `counts`.
    public private(set) var sums: [UInt64]
    /// Samples of the histogram at the last read.
    public private(set) var sampleCount: UInt64 = 0

    /// What one read added to a bucket.
    public struct Growth: Sendable, Equatable {
        /// The bucket's index (`upperBounds.count` for the bucket above every bound).
        public var bucket: Int
        /// Samples added.
        public var count: UInt64
        /// Their sum.
        public var sum: UInt64

        /// What bucket `bucket` gained: `count` samples adding up to `sum`.
        public init(bucket: Int, count: UInt64, sum: UInt64) {
            self.bucket = bucket
            self.count = count
            self.sum = sum
        }

        /// The mean of the added samples: it lies in the bucket, as every one of them does.
        public var mean: Double { count > 0 ? Double(sum) / Double(count) : 0 }
    }

    /// Empty totals for `upperBounds` (sorted here; duplicates removed).
    public init(upperBounds: [UInt64]) {
        self.upperBounds = Array(Set(upperBounds)).sorted()
        counts = Array(repeating: 0, count: self.upperBounds.count + 1)
        sums = counts
    }

    /// Reads `histogram` (a histogram that only grows, such as a run's) and returns what each bucket gained since the
    /// last read, buckets without new samples left out. Costs one pass over the histogram's recorded values, nothing
    /// when its sample count has not changed.
    public mutating func update(from histogram: Histogram<UInt64>) -> [Growth] {
        guard histogram.totalCount != sampleCount else { return [] }
        sampleCount = histogram.totalCount
        var newCounts = [UInt64](repeating: 0, count: counts.count)
        var newSums = newCounts
        var bucket = 0
        // Recorded values come in ascending order, so the bucket index only moves forward.
        for step in histogram.recordedValues() {
            let value = histogram.medianEquivalentForValue(step.value)
            while bucket < upperBounds.count, value > upperBounds[bucket] { bucket += 1 }
            let count = UInt64(step.count)
            newCounts[bucket] += count
            newSums[bucket] &+= value &* count
        }
        var growth: [Growth] = []
        for index in counts.indices where newCounts[index] > counts[index] {
            growth.append(Growth(bucket: index, count: newCounts[index] - counts[index], sum: newSums[index] &- sums[index]))
        }
        counts = newCounts
        sums = newSums
        return growth
    }
}
