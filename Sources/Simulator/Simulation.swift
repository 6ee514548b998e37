import ChatRouting
import Foundation
public import LoadMetrics
import Workload

/// A profile run in virtual time: a discrete-event simulation with the live engine's behaviour machines and the
/// reference server's routing, recorded into the same `RunRecorder`, so its `RunResult` reads like a live run's
/// (mode `sim`).
///
/// Single-threaded and deterministic for a seed: continuous time, one event queue ordered by (time, scheduling
/// order), one thread taking events from it. The recorder's calls can be applied on a second thread
/// (`RecordingPipe`): they are written down as plain data in order and applied in that order, so where they are
/// applied changes nothing. Visitors arrive from the ``ArrivalPlan``, agents log in and out by the ``AgentSchedule``; the machines'
/// actions go straight to ``ContactCenter`` (no frames, no JSON, no message text), and the routing's actions
/// come back to the machines as deliveries after the configured delay. Machine timers are heap events.
///
/// With a profile `handling` model the agents do not converse: a chat ends when its handling completes, each
/// chat progressing at rate 1 / mean(entry k) while its agent holds k + 1 chats, its work drawn from the first
/// entry scaled to mean 1 (exponential entries give exactly the Markov chat model).
///
/// Not copyable: a simulation owns its event queue and its visitor and agent slots in raw memory (`EventQueue`,
/// `Slots`), which spares the event loop the uniqueness checks of Swift arrays.
public struct Simulation: ~Copyable {
    public let configuration: SimulationConfiguration
    /// The recorder, fed through a pipe (applied on a second thread while `run` runs, see `RecordingPipe`).
    var recording: RecordingPipe
    var center: ContactCenter
    var queue = EventQueue()
    var arrivals: ArrivalGenerator
    /// The arrival whose event is in the queue.
    var pendingArrival: Arrival?
    var visitors = Slots<VisitorSlot>()
    /// What the visitors of each region's (language, department) pairs share, by `Arrival.mix`, as they are first
    /// seen.
    var mixes: [[VisitorMix?]] = []
    var freeVisitors: [Int32] = []
    var agents = Slots<AgentSlot>()
    var agentIndex: [String: Int32] = [:]
    /// Agent slots by the routing's slot number (-1: none), filled at logins.
    var agentBySlot: [Int32] = []
    var chats = ChatTable<ChatInfo>()
    /// The department and language of the chats routed elsewhere than their visitor's (see `ChatInfo.rerouted`).
    var reroutedChats: [ChatID: (department: String, language: String)] = [:]
    /// The routing's actions of the call being executed (see `route`), kept for its capacity.
    var actionBuffer: [RoutingAction] = []
    /// Visitor slots by id, kept only when the routing can invite (its `invite` names no chat).
    var visitorIndex: [String: Int32]?
    let seeds: SeededGenerator
    /// The profile's visitor behaviour, one copy for every visitor machine.
    let visitorBehaviour: SharedVisitorBehaviour
    var routingRNG: SeededGenerator
    var networkRNG: SeededGenerator
    let zeroDelay: Bool
    let handling: HandlingModel?
    /// Per-chat progress rate at each load of the handling model: 1 / mean of the entry.
    let handlingRates: [Double]
    let duration: Double
    var now = 0.0
    var second = 0
    var openSessions = 0
    var agentsOnline = 0
    var activeChats = 0
    /// Events taken from the queue.
    public private(set) var events = 0

    /// A simulation of `configuration.profile`.
    /// - Throws: `CalendarError` when the profile's zones or dates cannot be resolved.
    public init(configuration: SimulationConfiguration) throws {
        self.configuration = configuration
        let profile = configuration.profile
        let plan = try ArrivalPlan(profile: profile, seed: configuration.seed)
        self.arrivals = plan.makeIterator()
        var recorder = RunRecorder(serviceLevelThresholdSeconds: configuration.serviceLevelSeconds, foldsAtFinish: true)
        recorder.reserveSeries(rows: Int(min(profile.calendar.duration, 366 * 86_400)))
        self.recording = RecordingPipe(recorder)
        self.center = ContactCenter(configuration: configuration.routing)
        self.visitorBehaviour = SharedVisitorBehaviour(profile.visitors)
        self.seeds = SeededGenerator(seed: configuration.seed).split(0x5EED)
        self.routingRNG = seeds.split(0x0052_4F55_5445)
        self.networkRNG = seeds.split(0x004E_4554)
        self.zeroDelay = configuration.delay == .constant(0)
        self.handling = profile.handling.flatMap { $0.byConcurrency.isEmpty ? nil : $0 }
        self.handlingRates = handling?.byConcurrency.map { 1 / max($0.mean, 1e-9) } ?? []
        self.duration = profile.calendar.duration
        if configuration.routing.invitation != nil { visitorIndex = [:] }
        let schedule = AgentSchedule(calendar: plan.calendar, roster: profile.agents)
        for (index, agent) in schedule.agents.enumerated() {
            let siteKey = recording.site(agent.site)
            agentIndex[agent.id] = Int32(index)
            agents.append(
                AgentSlot(
                    agent: agent,
                    site: profile.agents.sites[agent.siteIndex],
                    rng: seeds.split(UInt64(index) | (1 << 40)),
                    siteKey: siteKey
                )
            )
        }
    }

    /// What a simulation produced.
    public struct Output: Sendable {
        public var result: RunResult
        /// The recorder, for `timeseries.csv` and `agents.csv`.
        public var recorder: RunRecorder
        /// Events the simulation processed.
        public var events: Int
        /// The simulated time the run ended at: the profile's duration, or where a stop found it.
        public var simulatedSeconds: Double

        /// `timeseries.csv`: one row per simulated second.
        public var timeSeriesCSV: String { recorder.timeSeries.csv() }
        /// `agents.csv`: one row per agent.
        public var agentsCSV: String { recorder.agentsCSV() }
    }

    /// Runs the whole profile duration, or until `control` asks it to stop, and returns the result.
    ///
    /// A stopped run ends at the time of the last event it processed: visitors still there count as still active,
    /// agents' observation ends there, the per-second series holds the seconds completed, and the result is marked
    /// incomplete.
    ///
    /// - Parameter recorderThread: apply the recorder's calls on a second thread while this one simulates (the
    ///   same calls in the same order: the result is the same either way). Replications that already keep every
    ///   core busy pass false.
    public mutating func run(control: SimulationControl? = nil, recorderThread: Bool = true) -> Output {
        if recorderThread { recording.startThread() }
        for index in agents.indices { agentHandle(index, .started) }
        scheduleNextArrival()
        if duration >= 1 { queue.push(1, .sample) }
        if configuration.routing.overflowAfter != nil { queue.push(1, .overflowTick) }
        var stopped = false
        while let event = queue.pop() {
            guard event.time < duration else { break }
            // Every 16,384 events a relaxed load and a call: nothing measurable on the event loop.
            if events & 0x3FFF == 0, let control, control.check(events: events, now: now) {
                stopped = true
                break
            }
            now = event.time
            events += 1
            dispatch(event)
        }
        if !stopped {
            if Double(second + 1) <= duration {
                now = Double(second + 1)
                sample()
            }
            now = duration
        }
        var recorder = recording.finish()
        for index in visitors.indices where !visitors[index].finished {
            visitors[index].finished = true
            recorder.outcome(.stillActive, visitors[index].keys, wasWaiting: visitors[index].isWaiting)
        }
        let result = recorder.finish(
            mode: .sim,
            profile: .init(name: configuration.profile.name, sha256: ""),
            seed: configuration.seed,
            complete: !stopped,
            toolVersion: Self.toolVersion,
            at: .seconds(now)
        )
        return Output(result: result, recorder: recorder, events: events, simulatedSeconds: now)
    }

    /// The version written into results.
    public static let toolVersion = "0.1.0"

    @inline(__always)
    mutating func dispatch(_ event: SimulationEvent) {
        switch event.payload {
        case .arrival:
            arrive()
        case .sample:
            sample()
        case .visitorTimer(let timer):
            // A timer no longer armed (mostly the patience of visitors already answered) changes nothing.
            guard isCurrent(event), visitors[Int(event.target)].machine.isArmed(timer) else { return }
            visitorHandle(Int(event.target), .timer(timer))
        case .toVisitor(let delivery):
            guard isCurrent(event) else {
                // A finished visitor keeps its slot (and generation) while messages are on their way to it.
                if case .message(_, let sentAt) = delivery {
                    messageReachedFinished(Int(event.target), generation: event.generation, sentAt: sentAt)
                }
                return
            }
            deliver(delivery, toVisitor: Int(event.target))
        case .agentTimer(let timer):
            agentTimerDue(timer, agent: Int(event.target))
        case .toAgent(let delivery):
            deliver(delivery, toAgent: Int(event.target))
        case .handlingDone(let version):
            handlingDone(agent: Int(event.target), version: version)
        case .graceExpired(let disconnects):
            guard isCurrent(event) else { return }
            graceExpired(Int(event.target), disconnects: disconnects)
        case .overflowTick:
            execute(center.tick(now: now))
            queue.push(now + 1, .overflowTick)
        }
    }

    /// Whether a visitor event is for the slot's present, unfinished visitor (`mutating` only so that the call
    /// does not copy the simulation).
    @inline(__always)
    mutating func isCurrent(_ event: SimulationEvent) -> Bool {
        let slot = Int(event.target)
        return visitors[slot].generation == event.generation && !visitors[slot].finished
    }

    /// Closes a simulated second: a time-series row with the levels now.
    mutating func sample() {
        second += 1
        recording.sample(
            second: second,
            simulatedTime: configuration.profile.calendar.start.addingTimeInterval(now).timeIntervalSinceReferenceDate,
            gauges: .init(sessions: openSessions, activeChats: activeChats, agentsOnline: agentsOnline)
        )
        if now + 1 < duration { queue.push(now + 1, .sample) }
    }

    /// The delivery time of the next frame to a client whose last frame arrives at `last`.
    @inline(__always)
    mutating func deliveryTime(after last: Double) -> Double {
        if zeroDelay { return max(now, last) }
        return max(now + max(0, configuration.delay.sample(using: &networkRNG)), last)
    }
}
