import LoadMetrics
import Prometheus

/// Feeds a Prometheus histogram (seconds) from one of the recorder's growing HDR histograms (microseconds), with the
/// samples recorded since the last feed, once a second.
///
/// swift-prometheus has no way to add many observations at once or to set bucket counts, and the engine must not
/// observe twice per event; so the feed reads the HDR histogram's growth per Prometheus bucket (``BucketTotals``)
/// and records, for a bucket that gained `n` samples with sum `s`, `n` observations of `s / n`. That value lies in
/// the bucket, so bucket counts, `_count` and `_sum` are exact to the HDR histogram's precision, and the cost is paid
/// on the tick, not per event.
struct HistogramFeed {
    private let target: ValueHistogram
    private var totals: BucketTotals

    /// A histogram `descriptor{labels}` in `registry` with `buckets` (upper bounds in seconds).
    init(
        _ registry: PrometheusCollectorRegistry,
        _ descriptor: MetricNameDescriptor,
        labels: [(String, String)] = [],
        buckets: [Double]
    ) {
        // Bounds in whole microseconds, the recorders' unit; the registry's are the same numbers in seconds, so a
        // value at a bound (micros / 1e6) compares equal to it.
        let micros = buckets.map { UInt64(($0 * 1_000_000).rounded()) }
        let seconds = micros.map { Double($0) / 1_000_000 }
        target =
            labels.isEmpty
            ? registry.makeValueHistogram(descriptor: descriptor, buckets: seconds)
            : registry.makeValueHistogram(descriptor: descriptor, labels: labels, buckets: seconds)
        totals = BucketTotals(upperBounds: micros)
    }

    /// Reads the source histogram through `read` (`{ $0.update(from: histogram) }`) and records what it gained.
    mutating func feed(_ read: (inout BucketTotals) -> [BucketTotals.Growth]) {
        for growth in read(&totals) {
            let seconds = growth.mean / 1_000_000
            for _ in 0..<growth.count { target.record(seconds) }
        }
    }
}
