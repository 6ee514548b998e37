import Histogram

/// Collects everything a run measures; the live engine and the simulator call the same methods,
/// with times they pass in, and `finish(...)` turns it into a `RunResult`.
///
/// Breakdown names are interned once (`keys(region:language:department:)`, `site(_:)`); the
/// per-event methods then take `BreakdownKeys` and only index arrays, so they do not allocate.
/// Not thread-safe: one recorder per event loop or simulator, merged at the end.
public struct RunRecorder: Sendable {
    /// Which party's message was delivered.
    public enum Direction: Sendable {
        case visitorToAgent, agentToVisitor
    }

    /// How a visitor's visit ended (exactly one per arrival).
    public enum Outcome: Sendable {
        case leftAtForm, chatted, abandoned, offlineTicket, botResolved, stillActive
    }

    public internal(set) var total = MetricSet()
    public internal(set) var breakdowns = [Breakdown](repeating: Breakdown(), count: Dimension.allCases.count)
    public internal(set) var timeSeries = TimeSeries()
    public var generator = RunResult.Generator()
    /// The `T` of `service_level(T)`.
    public let serviceLevelThresholdSeconds: Double
    var agents: [AgentRecord] = []
    /// Chats the registered agents hold now (the sum of their current concurrency).
    var agentActiveChats = 0
    /// Agents logged in per site (by interned site id) and the sum of their capacities.
    var siteAgentsOnline: [Int] = []
    var chatCapacityOnline = 0
    /// IANA time zones of the regions and agent sites by name, for reports (`series.regionTimeZones`,
    /// `series.siteTimeZones`); runners that know the profile fill them.
    public var regionTimeZones: [String: String] = [:]
    public var siteTimeZones: [String: String] = [:]

    /// Per-message metrics by combination of keys, added into `total` and `breakdowns` by `finish` (when
    /// `foldsAtFinish`).
    var cells = BreakdownCells()
    /// Whether per-message metrics wait in `cells` until `finish`.
    let foldsAtFinish: Bool

    /// - Parameter foldsAtFinish: record each message once, into a metric set for its combination of keys, and add
    ///   those into `total` and `breakdowns` at `finish` (one histogram record per message instead of five). Until
    ///   then `total` and `breakdowns` lack the messages: for a run that reads its figures only at the end, as the
    ///   simulator does; a live run reads them as it goes.
    public init(serviceLevelThresholdSeconds: Double, foldsAtFinish: Bool = false) {
        self.serviceLevelThresholdSeconds = serviceLevelThresholdSeconds
        self.foldsAtFinish = foldsAtFinish
    }

    /// Makes room for `rows` per-second rows (see `TimeSeries.reserve(rows:)`).
    public mutating func reserveSeries(rows: Int) {
        timeSeries.reserve(rows: rows)
    }

    // MARK: Keys

    /// Interns a visitor's region, language and department (allocates only for a new name).
    public mutating func keys(region: String, language: String, department: String) -> BreakdownKeys {
        BreakdownKeys(
            region: breakdowns[Dimension.region.index].intern(region),
            language: breakdowns[Dimension.language.index].intern(language),
            department: breakdowns[Dimension.department.index].intern(department)
        )
    }

    /// Interns an agent site: put the id into a visitor's `keys.site` once its chat is assigned
    /// there (and again after a transfer to another site).
    public mutating func site(_ name: String) -> Int32 {
        breakdowns[Dimension.site.index].intern(name)
    }

    /// Applies `body` to the totals and to the metric set of every key present.
    @inline(__always)
    mutating func update(_ keys: BreakdownKeys, _ body: (inout MetricSet) -> Void) {
        body(&total)
        for dimension in Dimension.allCases {
            let id = keys[dimension]
            if id >= 0 { body(&breakdowns[dimension.index].sets[Int(id)]) }
        }
    }

    /// `update` for the per-message metrics, the run's most frequent: when `foldsAtFinish`, `body` applies once, to
    /// the set of the keys' combination, which `finish` adds to the totals and to each key's set.
    @inline(__always)
    mutating func updatePerMessage(_ keys: BreakdownKeys, _ body: (inout MetricSet) -> Void) {
        if foldsAtFinish, BreakdownCells.fits(keys) {
            cells.update(keys, body)
        } else {
            update(keys, body)
        }
    }

    /// Moves the queue depth of the totals and of the visitor's region, language and department
    /// (a site has no queue of its own: a visitor waits before it has a site).
    @inline(__always)
    mutating func changeWaiting(_ keys: BreakdownKeys, by delta: Int) {
        total.waiting += delta
        if keys.region >= 0 { breakdowns[Dimension.region.index].sets[Int(keys.region)].waiting += delta }
        if keys.language >= 0 { breakdowns[Dimension.language.index].sets[Int(keys.language)].waiting += delta }
        if keys.department >= 0 { breakdowns[Dimension.department.index].sets[Int(keys.department)].waiting += delta }
    }

    // MARK: Visitor events

    public mutating func visitorArrived(_ keys: BreakdownKeys) {
        update(keys) { $0.counts.visitorsArrived += 1 }
        timeSeries.count(.arrivals)
    }

    /// A WebSocket handshake completed after `time`.
    public mutating func connected(_ keys: BreakdownKeys, connectTime time: Duration) {
        let micros = Swift.min(time.wholeMicros, LatencyRecorder.highestTrackableMicros)
        update(keys) { $0.connectTime.record(micros) }
    }

    public mutating func chatRequested(_ keys: BreakdownKeys) {
        update(keys) { $0.counts.chatsRequested += 1 }
        changeWaiting(keys, by: 1)
        timeSeries.count(.chatsRequested)
    }

    /// The request was put into a queue (the first `queued` for it): it waited more than zero.
    public mutating func chatQueued(_ keys: BreakdownKeys) {
        update(keys) { $0.counts.chatsQueued += 1 }
    }

    /// The chat was assigned `wait` after it was requested (`queue_wait`); the visitor leaves the
    /// queue. `keys` may already carry the agent's site (`keys.site = site(name)`): the site's
    /// breakdown then counts this assignment and every later event passed with those keys.
    public mutating func chatAssigned(_ keys: BreakdownKeys, wait: Duration) {
        chatAssigned(keys, waitMicros: wait.wholeMicros)
    }

    /// `chatAssigned(_:wait:)` with the wait in seconds, as a simulation's clock gives it.
    public mutating func chatAssigned(_ keys: BreakdownKeys, waitSeconds: Double) {
        chatAssigned(keys, waitMicros: wholeMicros(seconds: waitSeconds))
    }

    private mutating func chatAssigned(_ keys: BreakdownKeys, waitMicros: UInt64) {
        let micros = Swift.min(waitMicros, LatencyRecorder.highestTrackableMicros)
        update(keys) {
            $0.counts.chatsAssigned += 1
            $0.queueWait.record(micros)
        }
        changeWaiting(keys, by: -1)
        timeSeries.count(.chatsAssigned)
    }

    /// The first agent message arrived `delay` after the chat request (`first_response`).
    public mutating func firstResponse(_ keys: BreakdownKeys, after delay: Duration) {
        firstResponse(keys, afterMicros: delay.wholeMicros)
    }

    /// `firstResponse(_:after:)` with the delay in seconds.
    public mutating func firstResponse(_ keys: BreakdownKeys, afterSeconds delay: Double) {
        firstResponse(keys, afterMicros: wholeMicros(seconds: delay))
    }

    private mutating func firstResponse(_ keys: BreakdownKeys, afterMicros delay: UInt64) {
        let micros = Swift.min(delay, LatencyRecorder.highestTrackableMicros)
        update(keys) { $0.firstResponse.record(micros) }
    }

    public mutating func transferred(_ keys: BreakdownKeys) {
        update(keys) { $0.counts.transfers += 1 }
    }

    /// A message was sent (by either party of the visitor's chat).
    public mutating func messageSent(_ keys: BreakdownKeys) {
        updatePerMessage(keys) { $0.counts.messagesSent += 1 }
        generator.messageEvents += 1
        timeSeries.count(.messagesSent)
    }

    /// A message was received for the first time, `latency` after its intended send time.
    /// - Parameter expectedInterval: the sender's intended interval between messages, for
    ///   coordinated-omission correction (`.zero`: none).
    public mutating func messageDelivered(
        _ keys: BreakdownKeys,
        direction: Direction,
        latency: Duration,
        expectedInterval: Duration = .zero
    ) {
        messageDelivered(keys, direction: direction, micros: latency.wholeMicros, interval: expectedInterval.wholeMicros)
    }

    /// `messageDelivered(_:direction:latency:expectedInterval:)` with the latency in seconds, without correction: a
    /// simulation's clock is a number of seconds, and a `Duration` made from one per message showed in its profile
    /// (128-bit arithmetic both ways).
    public mutating func messageDelivered(_ keys: BreakdownKeys, direction: Direction, latencySeconds latency: Double) {
        messageDelivered(keys, direction: direction, micros: wholeMicros(seconds: latency), interval: 0)
    }

    private mutating func messageDelivered(_ keys: BreakdownKeys, direction: Direction, micros: UInt64, interval: UInt64) {
        updatePerMessage(keys) {
            $0.counts.messagesReceived += 1
            switch direction {
            case .visitorToAgent: $0.visitorToAgent.record(micros: micros, expectedIntervalMicros: interval)
            case .agentToVisitor: $0.agentToVisitor.record(micros: micros, expectedIntervalMicros: interval)
            }
        }
        generator.messageEvents += 1
        timeSeries.count(.messagesReceived)
        timeSeries.recordLatency(direction, micros: micros, expectedIntervalMicros: interval)
    }

    /// Delivery-integrity findings: messages never received, received again, or out of order.
    public mutating func messageIntegrity(_ keys: BreakdownKeys, lost: Int = 0, duplicated: Int = 0, reordered: Int = 0) {
        update(keys) {
            $0.counts.messagesLost += lost
            $0.counts.messagesDuplicated += duplicated
            $0.counts.messagesReordered += reordered
        }
        generator.messageEvents += duplicated
    }

    /// The server refused a message because its chat had already ended (the end crossed it on the wire).
    public mutating func messageRefused(_ keys: BreakdownKeys) {
        update(keys) { $0.counts.messagesRefused += 1 }
    }

    /// A failure of the given kind (not a hot path: the kind is a string).
    public mutating func error(_ keys: BreakdownKeys, kind: String) {
        update(keys) {
            $0.counts.errors += 1
            $0.counts.errorsByKind[kind, default: 0] += 1
        }
        timeSeries.count(.errors)
    }

    /// The visit ended. `wasWaiting`: the visitor was still in the queue (defaults to true for
    /// `.abandoned`, false otherwise); it leaves the queue-depth count.
    public mutating func outcome(_ outcome: Outcome, _ keys: BreakdownKeys, wasWaiting: Bool? = nil) {
        let leavesQueue = wasWaiting ?? (outcome == .abandoned)
        update(keys) {
            switch outcome {
            case .leftAtForm: $0.counts.leftAtForm += 1
            case .chatted: $0.counts.chatsCompleted += 1
            case .abandoned: $0.counts.chatsAbandoned += 1
            case .offlineTicket: $0.counts.offlineTickets += 1
            case .botResolved: $0.counts.botResolved += 1
            case .stillActive: $0.counts.stillActive += 1
            }
        }
        if leavesQueue { changeWaiting(keys, by: -1) }
        switch outcome {
        case .chatted: timeSeries.count(.chatsCompleted)
        case .abandoned: timeSeries.count(.chatsAbandoned)
        default: break
        }
    }
}

/// Whole microseconds of a number of seconds (negative and NaN as zero, too large as the largest).
@inline(__always)
func wholeMicros(seconds: Double) -> UInt64 {
    let micros = seconds * 1_000_000
    guard micros > 0 else { return 0 }
    return micros < 0x1p64 ? UInt64(micros) : .max
}

extension Dimension {
    /// The position in `Dimension.allCases`.
    public var index: Int {
        switch self {
        case .region: 0
        case .language: 1
        case .department: 2
        case .site: 3
        }
    }
}
