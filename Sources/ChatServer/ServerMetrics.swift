import ChatProtocol
import ChatRouting
import Prometheus
import Synchronization

/// The server's Prometheus metrics (`/metrics`): connection and error counters updated as they happen,
/// routing figures read from a ``RoutingSnapshot`` at scrape time.
final class ServerMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    private let connections: [String: Gauge]
    private let frames: [String: Counter]
    private let errors: [ErrorCode: Counter]
    private let agentsLoggedIn: Gauge
    private let agentsOnline: Gauge
    private let activeChats: Gauge
    private let queueDepthTotal: Gauge
    private let messagesDropped: Counter
    private static let totals: [(name: String, help: String, value: @Sendable (RoutingCounters) -> Int)] = [
        ("chats_requested", "Chat requests received", { $0.chatsRequested }),
        ("chats_assigned", "Chats given to an agent", { $0.chatsAssigned }),
        ("chats_ended", "Chats ended after an agent took them", { $0.chatsEnded }),
        ("chats_abandoned", "Visitors who left the queue", { $0.chatsAbandoned }),
        ("chats_requeued", "Chats put back in a queue when their agent left", { $0.chatsRequeued }),
        ("transfers", "Chats transferred to another department", { $0.transfers }),
        ("tickets", "Requests kept as offline tickets", { $0.tickets }),
        ("bot_resolved", "Chats the bot resolved", { $0.botResolved }),
        ("bot_escalated", "Bot chats escalated to a human", { $0.botEscalated }),
        ("messages_relayed", "Chat messages relayed between visitors and agents", { $0.messagesRelayed }),
        ("invitations_sent", "Proactive invitations sent", { $0.invitationsSent }),
        ("invitations_accepted", "Proactive invitations accepted", { $0.invitationsAccepted }),
        ("surveys", "Surveys answered", { $0.surveys }),
    ]
    private let totalCounters: [Counter]
    /// Values of the routing totals at the last scrape, so Prometheus counters grow by the difference.
    private let reported = Mutex<[Int]>([])
    private let queueGauges = Mutex<[String: (depth: Gauge, wait: Gauge)]>([:])
    private let loadGauges = Mutex<[Int: Gauge]>([:])

    init() {
        let registry = PrometheusCollectorRegistry()
        self.registry = registry
        connections = Dictionary(
            uniqueKeysWithValues: ["visitor", "agent"].map { role in
                (
                    role,
                    registry.makeGauge(
                        descriptor: Self.descriptor("connections", unit: "", help: "Open WebSocket connections"),
                        labels: [("role", role)]
                    )
                )
            }
        )
        frames = Dictionary(
            uniqueKeysWithValues: ["visitor", "agent"].map { role in
                (
                    role,
                    registry.makeCounter(
                        descriptor: Self.descriptor("frames_received", unit: "total", help: "Frames received"),
                        labels: [("role", role)]
                    )
                )
            }
        )
        errors = Dictionary(
            uniqueKeysWithValues: ErrorCode.allCases.map { code in
                (
                    code,
                    registry.makeCounter(
                        descriptor: Self.descriptor("errors", unit: "total", help: "Error frames sent, by code"),
                        labels: [("code", code.rawValue)]
                    )
                )
            }
        )
        agentsLoggedIn = registry.makeGauge(
            descriptor: Self.descriptor("agents_logged_in", unit: "", help: "Agents logged in (online, away or closing)")
        )
        agentsOnline = registry.makeGauge(descriptor: Self.descriptor("agents_online", unit: "", help: "Agents online and taking chats"))
        activeChats = registry.makeGauge(descriptor: Self.descriptor("active_chats", unit: "", help: "Chats in progress with an agent"))
        queueDepthTotal = registry.makeGauge(
            descriptor: Self.descriptor("waiting_visitors", unit: "", help: "Visitors waiting in all queues")
        )
        messagesDropped = registry.makeCounter(
            descriptor: Self.descriptor(
                "messages_dropped",
                unit: "total",
                help: "Chat messages acknowledged but not delivered (serve --drop-messages, fault injection)"
            )
        )
        totalCounters = Self.totals.map { registry.makeCounter(descriptor: Self.descriptor($0.name, unit: "total", help: $0.help)) }
        reported.withLock { $0 = Array(repeating: 0, count: Self.totals.count) }
    }

    /// `chatstorm_server_<name>_<unit>`.
    private static func descriptor(_ name: String, unit: String, help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "chatstorm", subsystem: "server", metricName: name, unitName: unit, helpText: help)
    }

    func connected(_ role: String) { connections[role]?.increment() }
    func disconnected(_ role: String) { connections[role]?.decrement() }
    func received(_ role: String) { frames[role]?.increment() }
    func countError(_ code: ErrorCode) { errors[code]?.increment() }
    func droppedMessage() { messagesDropped.increment() }

    /// The Prometheus text exposition of every metric, routing figures taken from `snapshot`.
    func render(_ snapshot: RoutingSnapshot) -> [UInt8] {
        agentsLoggedIn.set(Int64(snapshot.agents.count))
        agentsOnline.set(Int64(snapshot.agentsOnline))
        activeChats.set(Int64(snapshot.activeChats))
        queueDepthTotal.set(Int64(snapshot.queueDepth))
        reported.withLock { reported in
            for (index, total) in Self.totals.enumerated() {
                let value = total.value(snapshot.counters)
                if value > reported[index] { totalCounters[index].increment(by: Int64(value - reported[index])) }
                reported[index] = value
            }
        }
        queueGauges.withLock { gauges in
            for queue in snapshot.queues {
                let key = queue.department + "\u{0}" + queue.language
                let pair =
                    gauges[key]
                    ?? {
                        let labels = [("department", queue.department), ("language", queue.language)]
                        let pair = (
                            depth: registry.makeGauge(
                                descriptor: Self.descriptor("queue_depth", unit: "", help: "Visitors waiting, per queue"),
                                labels: labels
                            ),
                            wait: registry.makeGauge(
                                descriptor: Self.descriptor(
                                    "queue_oldest_wait",
                                    unit: "seconds",
                                    help: "Wait of the longest-waiting visitor"
                                ),
                                labels: labels
                            )
                        )
                        gauges[key] = pair
                        return pair
                    }()
                pair.depth.set(Int64(queue.depth))
                pair.wait.set(queue.oldestWait)
            }
        }
        // Active chats per agent as a distribution (agents by number of open chats), not one series per agent.
        var byLoad: [Int: Int] = [:]
        for agent in snapshot.agents { byLoad[agent.activeChats, default: 0] += 1 }
        loadGauges.withLock { gauges in
            for load in Set(gauges.keys).union(byLoad.keys) {
                let gauge =
                    gauges[load]
                    ?? registry.makeGauge(
                        descriptor: Self.descriptor(
                            "agents_by_active_chats",
                            unit: "",
                            help: "Logged-in agents by their number of open chats"
                        ),
                        labels: [("active_chats", String(load))]
                    )
                gauges[load] = gauge
                gauge.set(Int64(byLoad[load] ?? 0))
            }
        }
        return registry.emitToBuffer()
    }
}
