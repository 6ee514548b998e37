public import LoadMetrics

/// The change of every key metric between a baseline run and a run, with a verdict per metric.
///
/// A metric regresses when it got worse (up for `lower`-is-better metrics, down for `higher`) by more
/// than its tolerance: `baseline × amount` for a relative tolerance, `amount` for an absolute one. A latency
/// with a relative tolerance also needs to move by more than ``latencyNoiseFloorMilliseconds``, so that a
/// 0.4 → 0.5 ms change (HDR resolution and scheduler noise) does not fail a build.
public struct RunComparison: Sendable {
    /// Changes of a latency smaller than this never regress under a relative tolerance.
    public static let latencyNoiseFloorMilliseconds = 1.0

    /// One key metric's change.
    public struct Row: Sendable, Equatable, Codable {
        public enum Verdict: String, Sendable, Codable {
            /// Worse by more than the tolerance.
            case regression
            /// Within the tolerance.
            case ok
            /// Better by more than the tolerance.
            case improved
            /// No tolerance applies (informational), or a side has no data.
            case info
        }

        public var metric: String
        public var unit: KeyMetric.Unit
        public var baseline: Double?
        public var current: Double?
        /// `current - baseline` when both have data.
        public var change: Double?
        /// `change / baseline` when both have data and the baseline is not 0.
        public var relativeChange: Double?
        /// The tolerance applied, as written (`+10%`), nil for informational rows.
        public var tolerance: String?
        public var verdict: Verdict
    }

    public var rows: [Row]
    /// What makes the runs other than two runs of one load, and what was left uncompared (shown under the table).
    public var notes: [String] = []

    /// The rows that regressed.
    public var regressions: [Row] { rows.filter { $0.verdict == .regression } }

    /// Compares `current` against `baseline`.
    /// - Parameter tolerances: Given on the command line; they override ``Tolerance/defaults`` where they are
    ///   at least as specific.
    public init(baseline: RunResult, current: RunResult, tolerances: [Tolerance] = []) {
        let all = Tolerance.defaults + tolerances
        rows = KeyMetric.all.map { metric in
            Self.row(
                metric,
                baseline: metric.value(in: baseline),
                current: metric.value(in: current),
                tolerance: Tolerance.applicable(to: metric, in: all)
            )
        }
        notes = Self.differences(baseline: baseline, current: current)
        let (before, after) = (baseline.metrics.serviceLevel.thresholdSeconds, current.metrics.serviceLevel.thresholdSeconds)
        if before != after, let index = rows.firstIndex(where: { $0.metric == "service_level" }) {
            // Chats answered within 30 s against within 60 s: a changed goal, not a changed server.
            rows[index].verdict = .info
            rows[index].tolerance = nil
            notes.append(
                "service_level not compared: the baseline counts chats answered within \(Number.decimal(before)) s, the run "
                    + "within \(Number.decimal(after)) s (each profile's goals.serviceLevel.within)"
            )
        }
    }

    /// What makes two runs other than two runs of one load: worth saying beside the verdicts, which it does not
    /// change (comparing a run against another profile, scale or mode may be the point).
    static func differences(baseline: RunResult, current: RunResult) -> [String] {
        var notes: [String] = []
        if baseline.profile.label != current.profile.label {
            notes.append("different loads: the baseline ran \(baseline.profile.label), the run \(current.profile.label)")
        } else if !baseline.profile.sha256.isEmpty, !current.profile.sha256.isEmpty, baseline.profile.sha256 != current.profile.sha256 {
            notes.append("the profile \(current.profile.name) changed between the runs (its sha256 differs)")
        }
        if baseline.mode != current.mode {
            notes.append("the baseline is a \(baseline.mode.description), the run a \(current.mode.description)")
        }
        for (side, result) in [("baseline", baseline), ("run", current)] where !result.complete {
            notes.append("the \(side) is incomplete (interrupted or its target stopped): its counts cover less time")
        }
        return notes
    }

    static func row(_ metric: KeyMetric, baseline: Double?, current: Double?, tolerance: Tolerance?) -> Row {
        var row = Row(
            metric: metric.name,
            unit: metric.unit,
            baseline: baseline,
            current: current,
            tolerance: tolerance?.description,
            verdict: .info
        )
        guard let baseline, let current else { return row }
        let change = current - baseline
        row.change = change
        row.relativeChange = baseline != 0 ? change / baseline : nil
        guard let tolerance, metric.better != .neither else { return row }
        let worsening = metric.better == .lower ? change : -change
        var allowed = tolerance.relative ? abs(baseline) * tolerance.amount : tolerance.amount
        if tolerance.relative && metric.unit == .milliseconds {
            allowed = Swift.max(allowed, latencyNoiseFloorMilliseconds)
        }
        row.verdict = worsening > allowed ? .regression : -worsening > allowed ? .improved : .ok
        return row
    }
}

extension RunResult.Mode {
    /// "live run", "simulation".
    var description: String {
        switch self {
        case .live: "live run"
        case .sim: "simulation"
        }
    }
}
