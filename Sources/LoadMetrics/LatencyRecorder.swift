public import Histogram

/// HDR latency histograms in microseconds (1 µs … 1 hour, 3 significant digits), recorded twice:
/// with coordinated-omission correction and without it.
///
/// Latency is measured from the *intended* send time (wrk2's rule). The corrected histogram also
/// back-fills the samples that a stalled target kept the generator from sending: a value `v` above
/// the expected interval `i` adds `v - i`, `v - 2i`, … down to `i`, exactly as HdrHistogram's
/// `recordCorrectedValue`. Values above one hour are clamped to one hour.
///
/// Until the first value is back-filled the two histograms are the same, so only one is kept: a run without
/// correction (every simulation, a live run whose target kept up) records each latency once instead of twice
/// and holds one histogram (about 180 KB) instead of two.
public struct LatencyRecorder: Sendable, Equatable {
    /// The highest trackable value: one hour in microseconds.
    public static let highestTrackableMicros: UInt64 = 3_600_000_000

    /// Coordinated-omission corrected samples (µs).
    public internal(set) var corrected: Histogram<UInt64>
    /// The samples as measured, once they differ from `corrected` (nil: no value was back-filled yet).
    private var separateUncorrected: Histogram<UInt64>?

    /// Samples as measured (µs).
    public var uncorrected: Histogram<UInt64> { separateUncorrected ?? corrected }

    /// An empty recorder; allocates its histogram once, recording never allocates (until the first back-filled
    /// value, when the measured samples get a histogram of their own).
    public init() {
        corrected = Self.makeHistogram()
    }

    public static func == (lhs: LatencyRecorder, rhs: LatencyRecorder) -> Bool {
        lhs.corrected == rhs.corrected && lhs.uncorrected == rhs.uncorrected
    }

    /// An empty histogram with the layout every recorder of this module uses.
    public static func makeHistogram() -> Histogram<UInt64> {
        Histogram<UInt64>(
            lowestDiscernibleValue: 1,
            highestTrackableValue: highestTrackableMicros,
            numberOfSignificantValueDigits: .three
        )
    }

    /// An empty recorder whose histogram starts at 2,048 buckets (16 KB) and grows to the values recorded; it has
    /// the layout of ``makeHistogram()``, so it adds into a full-size recorder exactly.
    init(growing: Void) {
        corrected = Self.makeGrowingHistogram()
    }

    /// An empty histogram with the layout of ``makeHistogram()`` that allocates only what its values need.
    static func makeGrowingHistogram() -> Histogram<UInt64> {
        Histogram<UInt64>(numberOfSignificantValueDigits: .three)
    }

    /// A recorder holding these histograms.
    init(corrected: Histogram<UInt64>, uncorrected: Histogram<UInt64>) {
        self.corrected = corrected
        self.separateUncorrected = uncorrected == corrected ? nil : uncorrected
    }

    /// The number of measured samples (the uncorrected count).
    public var count: UInt64 { uncorrected.totalCount }

    /// Records one measured latency.
    /// - Parameters:
    ///   - micros: the latency in microseconds.
    ///   - expectedIntervalMicros: the interval at which samples were meant to be taken (the send
    ///     interval of this stream); `0` records the corrected histogram without correction.
    public mutating func record(micros: UInt64, expectedIntervalMicros: UInt64) {
        let value = Swift.min(micros, Self.highestTrackableMicros)
        if separateUncorrected == nil {
            // Without a back-fill (no interval, or a value within it) both histograms get the same value.
            if expectedIntervalMicros == 0 || value <= expectedIntervalMicros {
                corrected.record(value)
                return
            }
            separateUncorrected = corrected
        }
        separateUncorrected!.record(value)
        corrected.recordCorrectedValue(value, expectedInterval: expectedIntervalMicros)
    }

    /// Records one measured latency given as durations (rounded down to whole microseconds,
    /// negative values recorded as zero).
    public mutating func record(_ latency: Duration, expectedInterval: Duration = .zero) {
        record(micros: latency.wholeMicros, expectedIntervalMicros: expectedInterval.wholeMicros)
    }

    /// Adds every sample of `other` into this recorder.
    public mutating func merge(_ other: LatencyRecorder) {
        guard other.corrected.totalCount > 0 else { return }
        if separateUncorrected != nil || other.separateUncorrected != nil {
            var measured = uncorrected
            measured.add(other.uncorrected)
            separateUncorrected = measured
        }
        corrected.add(other.corrected)
    }

    /// The summary of one of the two histograms in milliseconds.
    public func summary(corrected useCorrected: Bool = true) -> LatencySummary {
        LatencySummary(useCorrected ? corrected : uncorrected, unitsPerOutputUnit: 1_000)
    }

    /// The HdrHistogram percentile distribution (`.hgrm` text) of one histogram, values in
    /// milliseconds, five ticks per half distance (the format `wrk2` and HdrHistogram's plotter read).
    public func percentileDistribution(corrected useCorrected: Bool = true) -> String {
        Self.percentileDistribution(of: useCorrected ? corrected : uncorrected, unitsPerOutputUnit: 1_000)
    }

    /// The `.hgrm` text of any histogram, values divided by `unitsPerOutputUnit`.
    public static func percentileDistribution(of histogram: Histogram<UInt64>, unitsPerOutputUnit: Double) -> String {
        var text = ""
        histogram.outputPercentileDistribution(
            to: &text,
            outputValueUnitScalingRatio: unitsPerOutputUnit,
            percentileTicksPerHalfDistance: 5,
            format: .plainText
        )
        return text
    }
}

extension Duration {
    /// Whole microseconds, negative durations as zero.
    var wholeMicros: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0, attoseconds >= 0 || seconds > 0 else { return 0 }
        let micros = seconds.multipliedReportingOverflow(by: 1_000_000)
        if micros.overflow { return .max }
        return UInt64(micros.partialValue + attoseconds / 1_000_000_000_000)
    }
}
