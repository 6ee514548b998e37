import ChatClient
import ChatProtocol
public import Foundation
public import LoadMetrics
public import NIOCore
import Workload

/// A live run: plays a profile's visitors and agents against a chat server over WebSocket in scaled real time
/// and records what it measures.
///
/// Every session, timer and the recorder live on one event loop (`group`'s next loop): no locks, no task per
/// session. Machine timers become `scheduleTask`s at the real deadline of their simulated time; an arrival the
/// loop starts later than ``EngineConfiguration/lateArrivalThreshold`` is counted late, never moved.
public final class LiveRun: @unchecked Sendable {
    // `@unchecked Sendable`: all mutable state below is only touched on `loop`.
    let configuration: EngineConfiguration
    let loop: any EventLoop
    let connector: SessionConnector
    var clock: RunClock
    var recorder: RunRecorder
    /// The profile's visitor behaviour, one copy for every visitor machine.
    let visitorBehaviour: SharedVisitorBehaviour
    private let plan: ArrivalPlan
    private var arrivals: ArrivalGenerator
    /// Visitors by id (assignments name them), and by slot (timers name them): a slot's generation changes
    /// when its visitor goes, so its stale timers find nobody.
    private var visitors: [String: VisitorDriver] = [:]
    private var visitorSlots: [VisitorDriver?] = []
    private var slotGenerations: [UInt32] = []
    private var freeSlots: [Int32] = []
    private var agents: [String: AgentDriver] = [:]
    private var agentList: [AgentDriver] = []
    var timers = TimerHeap()
    /// The one NIO callback armed for the earliest timer, and its deadline.
    var alarm: (deadline: Int64, callback: NIOScheduledCallback)?
    var firingTimers = false
    private var nextArrival: Arrival?
    /// Every protocol frame the simulated parties sent or received: the generator's message events.
    let frames = FrameTally()
    private let seeds: SeededGenerator
    private let done: EventLoopPromise<Void>
    private var ended = false
    private var complete = true
    private var stopReason = StopReason.finished
    private var failedConnects = 0
    private var openSessions = 0
    private var peakSessions = 0
    private var connectRate = ConnectRate()
    private(set) var second = 0
    /// Each chat's messages as both ends saw them: lost, duplicated and reordered messages (LiveRun+Delivery.swift).
    var ledger = DeliveryLedger()
    private var messagesAtLastTick = 0
    private var agentsOnline = 0
    /// The server's own queue depth, from its `/health`, when it reports one.
    private var serverQueueDepth: Int?
    private var progress: (@Sendable (Progress) -> Void)?
    /// The Prometheus export, once ``serveMetrics(host:port:)`` asked for one; brought up to date every tick.
    var export: LiveExport?

    /// Figures for a live view, once per second.
    public struct Progress: Sendable {
        public var second: Int
        public var simulatedTime: Date
        /// Each region's name and local wall-clock time ("Tue 16:05").
        public var regionTimes: [(region: String, local: String)]
        public var sessions: Int
        /// Visitors waiting in a queue now, by the engine's own count.
        public var waiting: Int
        public var agentsOnline: Int
        /// Messages sent by both parties in the last second.
        public var messagesPerSecond: Int
        /// p99 of visitor → agent latency so far, in milliseconds.
        public var p99Milliseconds: Double
        public var lateArrivals: Int
        public var counts: Counts
    }

    public init(configuration: EngineConfiguration, group: any EventLoopGroup) throws {
        self.configuration = configuration
        self.loop = group.next()
        self.connector = SessionConnector(host: configuration.host, port: configuration.port, group: loop)
        self.plan = try ArrivalPlan(profile: configuration.profile, seed: configuration.seed)
        self.arrivals = plan.makeIterator()
        self.clock = RunClock(start: .now(), speed: configuration.profile.calendar.speed)
        self.recorder = RunRecorder(serviceLevelThresholdSeconds: configuration.serviceLevelSeconds)
        self.seeds = SeededGenerator(seed: configuration.seed).split(0x5EED)
        self.visitorBehaviour = SharedVisitorBehaviour(configuration.profile.visitors)
        self.done = loop.makePromise(of: Void.self)
    }

    /// Why a run ended.
    public enum StopReason: String, Sendable {
        /// The profile's duration elapsed.
        case finished
        /// ``stop()`` was called (Ctrl-C, SIGTERM, the caller saw the target die).
        case stopped
        /// Connections to the target failed again and again: it is down or refuses connections.
        case targetUnreachable
    }

    /// Consecutive refused connection attempts after which the target counts as unreachable (timeouts and resets
    /// under load are counted as errors but do not end the run).
    static let unreachableAfter = 10

    /// What a run produced: the result and the per-second and per-agent tables.
    public struct Output: Sendable {
        public var stopReason: StopReason
        public var result: RunResult
        /// `timeseries.csv`.
        public var timeSeriesCSV: String
        /// `agents.csv`.
        public var agentsCSV: String
    }

    /// Runs to the end of the profile's duration (or until ``stop()``) and returns what it measured.
    public func run(progress: (@Sendable (Progress) -> Void)? = nil) async throws -> Output {
        try await loop.submit { self.begin(progress: progress) }.get()
        try await withThrowingTaskGroup(of: Void.self) { group in
            if let url = configuration.healthURL.flatMap(URL.init(string:)) {
                group.addTask { await self.pollServerQueueDepth(url) }
            }
            try await done.futureResult.get()
            group.cancelAll()
        }
        // Let the close frames go out before the result is taken.
        try await loop.scheduleTask(in: .milliseconds(100)) {}.futureResult.get()
        return try await loop.submit {
            self.export?.update(self.recorder, sessions: self.openSessions, agentsOnline: self.agentsOnline)
            // The final result finishes the recorder itself: agents.csv below reads the agents' closed intervals.
            let result = self.finish(&self.recorder, complete: self.complete)
            return Output(
                stopReason: self.stopReason,
                result: result,
                timeSeriesCSV: self.recorder.timeSeries.csv(),
                agentsCSV: self.recorder.agentsCSV()
            )
        }.get()
    }

    /// What the run has measured so far (for thresholds evaluated during the run); the run goes on.
    public func snapshot() async throws -> RunResult {
        try await loop.submit {
            // `finish` folds the agents' open intervals into the totals: a snapshot works on a copy.
            var recorder = self.recorder
            return self.finish(&recorder, complete: false)
        }.get()
    }

    /// Ends the run now (Ctrl-C, the target died); the result is marked incomplete.
    public func stop() {
        loop.execute { self.end(.stopped) }
    }

    // MARK: Scheduling

    private func begin(progress: (@Sendable (Progress) -> Void)?) {
        self.progress = progress
        clock = RunClock(start: .now() + .milliseconds(20), speed: configuration.profile.calendar.speed)
        let profile = configuration.profile
        let roster = AgentSchedule(calendar: plan.calendar, roster: profile.agents)
        for (index, agent) in roster.agents.enumerated() {
            let driver = AgentDriver(
                run: self,
                agent: agent,
                index: Int32(index),
                site: profile.agents.sites[agent.siteIndex],
                rng: seeds.split(UInt64(index) | (1 << 40))
            )
            agents[agent.id] = driver
            agentList.append(driver)
            driver.handle(.started, at: 0)
        }
        scheduleNextArrival()
        setTimer(.end, at: profile.calendar.duration)
        tick()
    }

    // MARK: Timers (the heap and its alarm: LiveRun+Timers.swift)

    /// A timer came due.
    func fire(_ entry: TimerHeap.Entry) {
        switch entry.target {
        case .visitor(let slot, let generation, let timer):
            guard slotGenerations[Int(slot)] == generation, let driver = visitorSlots[Int(slot)] else { return }
            driver.handle(.timer(timer), at: entry.time)
        case .agent(let index, let timer):
            agentList[Int(index)].handle(.timer(timer), at: entry.time)
        case .arrival:
            guard let arrival = nextArrival else { return }
            let lag = NIODeadline.now() - (clock.start + .nanoseconds(entry.deadline))
            recorder.recordSchedulingLag(.nanoseconds(max(0, lag.nanoseconds)))
            if Double(lag.nanoseconds) / 1e9 > configuration.lateArrivalThreshold { recorder.lateArrival() }
            arrive(arrival)
            scheduleNextArrival()
        case .end:
            end(.finished)
        }
    }

    private func scheduleNextArrival() {
        nextArrival = nil
        guard !ended, let arrival = arrivals.next(), arrival.time < configuration.profile.calendar.duration else { return }
        nextArrival = arrival
        setTimer(.arrival, at: arrival.time)
    }

    private func arrive(_ arrival: Arrival) {
        guard !ended else { return }
        let keys = recorder.keys(region: arrival.regionName, language: arrival.language, department: arrival.department)
        recorder.visitorArrived(keys)
        let slot: Int32
        if let free = freeSlots.popLast() {
            slot = free
        } else {
            slot = Int32(visitorSlots.count)
            visitorSlots.append(nil)
            slotGenerations.append(0)
        }
        let driver = VisitorDriver(
            run: self,
            arrival: arrival,
            slot: slot,
            generation: slotGenerations[Int(slot)],
            behaviour: visitorBehaviour,
            keys: keys,
            // Each region numbers its visitors from 0: the stream key holds the region too, or europe-v5 and
            // americas-v5 would behave alike.
            rng: seeds.split(arrival.streamKey)
        )
        visitors[driver.id] = driver
        visitorSlots[Int(slot)] = driver
        driver.handle(.started, at: arrival.time)
    }

    /// Once a real second: a time-series row and the live view.
    private func tick() {
        guard !ended else { return }
        let now = clock.now
        recorder.sample(
            second: second,
            simulatedTime: configuration.profile.calendar.start.addingTimeInterval(now),
            gauges: .init(sessions: openSessions, agentsOnline: agentsOnline, serverQueueDepth: serverQueueDepth)
        )
        // Before the progress callback: a figure the callback sees is already in the export.
        export?.update(recorder, sessions: openSessions, agentsOnline: agentsOnline)
        if let progress {
            let counts = recorder.total.counts
            let regionTimes = plan.calendar.regionClocks.enumerated().map { index, clock in
                let local = clock.localTime(at: now)
                let hour = local.hour < 10 ? "0\(local.hour)" : "\(local.hour)"
                let minute = local.minute < 10 ? "0\(local.minute)" : "\(local.minute)"
                return (plan.calendar.regionNames[index], "\(local.weekday.rawValue) \(hour):\(minute)")
            }
            progress(
                Progress(
                    second: second,
                    simulatedTime: configuration.profile.calendar.start.addingTimeInterval(now),
                    regionTimes: regionTimes,
                    sessions: openSessions,
                    waiting: max(0, recorder.total.waiting),
                    agentsOnline: agentsOnline,
                    messagesPerSecond: counts.messagesSent - messagesAtLastTick,
                    p99Milliseconds: recorder.total.visitorToAgent.summary().p99,
                    lateArrivals: recorder.generator.lateArrivals,
                    counts: counts
                )
            )
            messagesAtLastTick = counts.messagesSent
        }
        second += 1
        if second % DeliveryLedger.keptAfterEnd == 0 { ledger.sweep(second: second) }
        loop.scheduleTask(deadline: clock.start + .seconds(Int64(second))) { [self] in tick() }
    }

    private func end(_ reason: StopReason) {
        guard !ended else { return }
        ended = true
        stopReason = reason
        complete = reason == .finished
        for visitor in visitors.values { visitor.cutOff() }
        for agent in agents.values { agent.cutOff() }
        done.succeed()
    }

    /// Fills in the generator's figures and finishes `recorder` into a result.
    private func finish(_ recorder: inout RunRecorder, complete: Bool) -> RunResult {
        recorder.generator.peakSessions = peakSessions
        recorder.generator.peakConnectsPerSecond = connectRate.peak
        recorder.generator.messageEvents = frames.sent + frames.received
        return recorder.finish(
            mode: .live,
            profile: .init(name: configuration.profile.name, sha256: ""),
            seed: configuration.seed,
            complete: complete,
            toolVersion: "0.1.0",
            at: .seconds(clock.now)
        )
    }

    /// Reads the server's queue depth once a second until cancelled (off the event loop).
    private func pollServerQueueDepth(_ url: URL) async {
        while !Task.isCancelled {
            if let host = url.host,
                let bytes = try? await HealthProbe.get(
                    host: host,
                    port: url.port ?? 80,
                    path: url.path.isEmpty ? "/" : url.path,
                    group: loop
                ),
                let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
                let depth = object["queueDepth"] as? Int
            {
                loop.execute { self.serverQueueDepth = depth }
            }
            try? await Task.sleep(for: .seconds(1))
        }
    }

    // MARK: Shared by the drivers

    func visitorFinished(_ driver: VisitorDriver) {
        visitors[driver.id] = nil
        let slot = Int(driver.slot)
        guard visitorSlots[slot] === driver else { return }
        visitorSlots[slot] = nil
        slotGenerations[slot] &+= 1
        freeSlots.append(driver.slot)
    }

    func sessionOpened() {
        failedConnects = 0
        openSessions += 1
        peakSessions = max(peakSessions, openSessions)
        connectRate.opened(at: (NIODeadline.now() - clock.start).nanoseconds)
    }

    func sessionClosed() { openSessions -= 1 }

    /// An agent's session opened (+1) or closed (−1).
    func agentOnline(_ change: Int) { agentsOnline += change }

    /// Opens a session for `delegate`, its frames counted as the run's message events. A failed attempt is
    /// recorded under `keys` by its kind and counted toward `targetUnreachable` before `onFailure` runs.
    func openSession(
        _ endpoint: SessionConnector.Endpoint,
        for delegate: some SessionDelegate & Sendable,
        keys: BreakdownKeys,
        onFailure: @escaping @Sendable () -> Void
    ) {
        connector.connect(endpoint) { [self] _ in
            let session = WebSocketSession(delegate: delegate)
            session.tally = frames
            return session
        }
        .whenFailure { [self] error in
            let failure = ConnectFailure(error)
            recorder.error(keys, kind: failure.rawValue)
            connectFailed(failure)
            onFailure()
        }
    }

    /// A connection attempt failed; many in a row end the run as `targetUnreachable`.
    private func connectFailed(_ failure: ConnectFailure) {
        guard failure.meansUnreachable else { return }
        failedConnects += 1
        if failedConnects >= Self.unreachableAfter { end(.targetUnreachable) }
    }

    func keys(ofVisitor id: String) -> BreakdownKeys { visitors[id]?.keys ?? BreakdownKeys.none }

    func siteKey(ofAgent id: String) -> Int32 {
        guard let agent = agents[id] else { return -1 }
        return recorder.site(agent.agent.site)
    }
}
