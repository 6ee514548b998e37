import LoadMetrics
import Prometheus

/// A live run's figures as Prometheus metrics (`chatstorm run --metrics-port N`), brought up to date once a second
/// on the engine's event loop from what the recorder already counts.
///
/// Why an update per tick rather than a snapshot taken on the loop at each scrape: the run's state is confined to
/// its loop, and the tick already visits it once a second for the time series. Updating the registry there costs a
/// fixed amount per second whatever the scrape rate, a scrape only takes the registry's locks (it never waits for
/// the loop, which may be busy with thousands of sessions), and the per-event path stays as it was. The figures
/// are at most a second old, finer than any scrape interval. Counters grow by the difference to the last tick;
/// histograms receive the samples recorded since the last tick as one batch (``HistogramFeed``).
///
/// Not thread-safe: ``update(_:sessions:agentsOnline:)`` runs on the engine's loop; `registry` is read from any
/// thread (it locks).
struct LiveExport {
    let registry = PrometheusCollectorRegistry()
    private let sessions: Gauge
    private let waiting: Gauge
    private let agentsOnline: Gauge
    private let activeChats: Gauge
    private let lateArrivals: Counter
    private var reportedLateArrivals = 0
    private let counters: [Counter]
    private var reported: [Int]
    private var errors: [String: (counter: Counter, reported: Int)] = [:]
    /// Queue-depth gauges per department and per language, indexed by the recorder's interned ids.
    private var departmentWaiting: [Gauge] = []
    private var languageWaiting: [Gauge] = []
    private var visitorToAgent: HistogramFeed
    private var agentToVisitor: HistogramFeed
    private var queueWait: HistogramFeed
    private var firstResponse: HistogramFeed
    private var connectTime: HistogramFeed

    /// The counters taken from ``Counts``, as `chatstorm_run_<name>_total`.
    static let counted: [(name: String, help: String, value: @Sendable (Counts) -> Int)] = [
        ("visitors_arrived", "Visitors who arrived", { $0.visitorsArrived }),
        ("chats_requested", "Chats requested", { $0.chatsRequested }),
        ("chats_assigned", "Chats assigned to an agent", { $0.chatsAssigned }),
        ("chats_completed", "Chats that reached their end", { $0.chatsCompleted }),
        ("chats_abandoned", "Visitors who left the queue", { $0.chatsAbandoned }),
        ("offline_tickets", "Requests that became offline tickets", { $0.offlineTickets }),
        ("bot_resolved", "Chats the bot resolved", { $0.botResolved }),
        ("transfers", "Chats transferred", { $0.transfers }),
        ("messages_sent", "Chat messages sent by visitors and agents", { $0.messagesSent }),
        ("messages_received", "Chat messages received (first receipts)", { $0.messagesReceived }),
        ("messages_lost", "Chat messages never received", { $0.messagesLost }),
        ("messages_refused", "Chat messages refused because their chat had ended on the way", { $0.messagesRefused }),
        ("messages_duplicated", "Chat messages received again", { $0.messagesDuplicated }),
        ("messages_reordered", "Chat messages received out of order", { $0.messagesReordered }),
    ]

    /// Bounds of the message-latency histograms, in seconds.
    static let latencyBuckets: [Double] = [
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60,
    ]
    /// Bounds of the queue-wait, first-response and connect-time histograms, in seconds.
    static let waitBuckets: [Double] = [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300, 600]

    /// `chatstorm_run_<name>[_<unit>]`.
    static func descriptor(_ name: String, unit: String = "", help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "chatstorm", subsystem: "run", metricName: name, unitName: unit, helpText: help)
    }

    init() {
        let registry = registry
        func gauge(_ name: String, _ help: String) -> Gauge {
            registry.makeGauge(descriptor: Self.descriptor(name, help: help))
        }
        sessions = gauge("sessions_open", "Open WebSocket sessions of simulated visitors and agents")
        waiting = gauge("queue_depth", "Visitors waiting in a queue (requested, not assigned, not gone)")
        agentsOnline = gauge("agents_online", "Agents logged in")
        activeChats = gauge("active_chats", "Chats the agents hold")
        lateArrivals = registry.makeCounter(
            descriptor: Self.descriptor("late_arrivals", unit: "total", help: "Arrivals started later than planned")
        )
        counters = Self.counted.map { registry.makeCounter(descriptor: Self.descriptor($0.name, unit: "total", help: $0.help)) }
        reported = Array(repeating: 0, count: Self.counted.count)
        let latency = Self.descriptor("message_latency", unit: "seconds", help: "Message latency from the intended send time")
        visitorToAgent = HistogramFeed(registry, latency, labels: [("direction", "visitor_to_agent")], buckets: Self.latencyBuckets)
        agentToVisitor = HistogramFeed(registry, latency, labels: [("direction", "agent_to_visitor")], buckets: Self.latencyBuckets)
        queueWait = HistogramFeed(
            registry,
            Self.descriptor("queue_wait", unit: "seconds", help: "Chat request to assignment"),
            buckets: Self.waitBuckets
        )
        firstResponse = HistogramFeed(
            registry,
            Self.descriptor("first_response", unit: "seconds", help: "Chat request to the first agent message"),
            buckets: Self.waitBuckets
        )
        connectTime = HistogramFeed(
            registry,
            Self.descriptor("connect_time", unit: "seconds", help: "WebSocket handshake time of visitors"),
            buckets: Self.waitBuckets
        )
    }

    /// Brings every metric up to the recorder's figures and the engine's gauges.
    mutating func update(_ recorder: RunRecorder, sessions openSessions: Int, agentsOnline online: Int) {
        let total = recorder.total
        sessions.set(Int64(openSessions))
        agentsOnline.set(Int64(online))
        activeChats.set(Int64(recorder.timeSeries.lastGauges?.activeChats ?? 0))
        waiting.set(Int64(max(0, total.waiting)))
        for (index, counted) in Self.counted.enumerated() {
            let value = counted.value(total.counts)
            if value > reported[index] { counters[index].increment(by: Int64(value - reported[index])) }
            reported[index] = value
        }
        let late = recorder.generator.lateArrivals
        if late > reportedLateArrivals { lateArrivals.increment(by: Int64(late - reportedLateArrivals)) }
        reportedLateArrivals = late
        updateErrors(total.counts.errorsByKind)
        updateQueues(recorder)
        // The measured samples (uncorrected): their count is the messages received, as Prometheus users expect.
        visitorToAgent.feed { $0.update(from: total.visitorToAgent.uncorrected) }
        agentToVisitor.feed { $0.update(from: total.agentToVisitor.uncorrected) }
        queueWait.feed { $0.update(from: total.queueWait) }
        firstResponse.feed { $0.update(from: total.firstResponse) }
        connectTime.feed { $0.update(from: total.connectTime) }
    }

    /// `chatstorm_run_errors_total{kind}`, a series per kind as kinds appear.
    private mutating func updateErrors(_ byKind: [String: Int]) {
        for (kind, count) in byKind {
            let entry =
                errors[kind]
                ?? (
                    registry.makeCounter(
                        descriptor: Self.descriptor("errors", unit: "total", help: "Failures by kind"),
                        labels: [("kind", kind)]
                    ), 0
                )
            if count > entry.reported { entry.counter.increment(by: Int64(count - entry.reported)) }
            errors[kind] = (entry.counter, max(count, entry.reported))
        }
    }

    /// Queue depth per department and per language, a series per name as names appear.
    private mutating func updateQueues(_ recorder: RunRecorder) {
        // `RunRecorder.breakdowns` is indexed in `Dimension.allCases` order.
        for (dimension, label) in [(Dimension.department, "department"), (.language, "language")] {
            guard let index = Dimension.allCases.firstIndex(of: dimension) else { continue }
            let breakdown = recorder.breakdowns[index]
            var gauges = dimension == .department ? departmentWaiting : languageWaiting
            while gauges.count < breakdown.names.count {
                gauges.append(
                    registry.makeGauge(
                        descriptor: Self.descriptor("queue_depth_by_\(label)", help: "Visitors waiting, per \(label)"),
                        labels: [(label, breakdown.names[gauges.count])]
                    )
                )
            }
            for (gauge, set) in zip(gauges, breakdown.sets) { gauge.set(Int64(max(0, set.waiting))) }
            if dimension == .department { departmentWaiting = gauges } else { languageWaiting = gauges }
        }
    }
}
