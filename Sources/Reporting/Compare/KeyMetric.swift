import Histogram
public import LoadMetrics
import Workload

/// A figure `chatstorm compare` compares: its name, which way is better, and how to read it from a run.
public struct KeyMetric: Sendable {
    /// Which change is a regression.
    public enum Better: String, Sendable, Codable {
        /// An increase is a regression (latencies, errors, abandonment).
        case lower
        /// A decrease is a regression (service level).
        case higher
        /// Shown, never a regression (throughput, arrivals).
        case neither
    }

    /// What the value is, for units and the latency noise floor.
    public enum Unit: String, Sendable, Codable {
        case milliseconds = "ms"
        case share
        case count
        case chats
    }

    /// `queue_wait.p99`, `message_latency.visitor_to_agent.max`, `abandonment_rate`, `errors`.
    public var name: String
    public var better: Better
    public var unit: Unit
    let read: @Sendable (RunResult) -> Double?

    /// The value in `result`; nil without data.
    public func value(in result: RunResult) -> Double? { read(result) }

    /// The last component of the name for latency aggregates (`p99`), used by tolerances like `p99 +10%`.
    public var aggregate: String? {
        unit == .milliseconds ? name.split(separator: ".").last.map(String.init) : nil
    }

    /// Every key metric, in report order: latency aggregates from the histograms, then rates, levels and counts.
    public static let all: [KeyMetric] = latencies + figures + counts

    static let latencyAggregates: [(String, ThresholdAggregate)] = [
        ("p50", .percentile(50)), ("p90", .percentile(90)), ("p95", .percentile(95)), ("p99", .percentile(99)),
        ("p999", .percentile(99.9)), ("max", .max), ("mean", .mean),
    ]

    private static let latencies: [KeyMetric] = {
        let sources: [(String, @Sendable (MetricSet) -> Histogram<UInt64>)] = [
            ("message_latency.visitor_to_agent", { $0.visitorToAgent.corrected }),
            ("message_latency.agent_to_visitor", { $0.agentToVisitor.corrected }),
            ("queue_wait", { $0.queueWait }),
            ("first_response", { $0.firstResponse }),
            ("connect_time", { $0.connectTime }),
        ]
        return sources.flatMap { name, histogram in
            latencyAggregates.map { suffix, aggregate in
                KeyMetric(name: "\(name).\(suffix)", better: .lower, unit: .milliseconds) {
                    ThresholdEvaluator.latency(histogram($0.total), aggregate)
                }
            }
        }
    }()

    private static let figures: [KeyMetric] = [
        KeyMetric(name: "abandonment_rate", better: .lower, unit: .share) {
            $0.counts.chatsOffered > 0 ? $0.metrics.abandonmentRate : nil
        },
        KeyMetric(name: "service_level", better: .higher, unit: .share) {
            $0.counts.chatsOffered > 0 ? $0.metrics.serviceLevel.value : nil
        },
        KeyMetric(name: "queue_depth.max", better: .lower, unit: .count) { Double($0.metrics.queueDepth.max) },
        KeyMetric(name: "queue_depth.mean", better: .lower, unit: .count) { $0.metrics.queueDepth.mean },
        KeyMetric(name: "agent_concurrency.occupancy", better: .neither, unit: .share) { $0.metrics.agentConcurrency.occupancy },
        KeyMetric(name: "agent_concurrency.max", better: .neither, unit: .chats) { Double($0.metrics.agentConcurrency.max) },
    ]

    private static let counts: [KeyMetric] = {
        let lowerIsBetter: [(String, @Sendable (RunResult) -> Int)] = [
            ("errors", { $0.counts.errors }), ("messages_lost", { $0.counts.messagesLost }),
            ("messages_duplicated", { $0.counts.messagesDuplicated }), ("messages_reordered", { $0.counts.messagesReordered }),
            ("late_arrivals", { $0.generator.lateArrivals }),
        ]
        let informational: [(String, @Sendable (RunResult) -> Int)] = [
            ("visitors_arrived", { $0.counts.visitorsArrived }), ("chats_requested", { $0.counts.chatsRequested }),
            ("chats_assigned", { $0.counts.chatsAssigned }), ("chats_completed", { $0.counts.chatsCompleted }),
            ("chats_abandoned", { $0.counts.chatsAbandoned }), ("offline_tickets", { $0.counts.offlineTickets }),
            ("messages_sent", { $0.counts.messagesSent }), ("messages_received", { $0.counts.messagesReceived }),
            ("messages_refused", { $0.counts.messagesRefused }),
        ]
        return lowerIsBetter.map { name, count in KeyMetric(name: name, better: .lower, unit: .count) { Double(count($0)) } }
            + informational.map { name, count in KeyMetric(name: name, better: .neither, unit: .count) { Double(count($0)) } }
    }()
}
