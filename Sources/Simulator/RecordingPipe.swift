import ChatRouting
import Dispatch
import Foundation
import LoadMetrics

/// The simulation's `RunRecorder` behind a pipe: the event loop writes each call as a `Recording` into a batch,
/// and full batches are applied in order, by a thread of their own once `startThread()` is called (the second
/// core does the recording while the first simulates), otherwise in line.
///
/// Either way the recorder makes the same calls in the same order, so a run records the same thing. The calls
/// that return something (breakdown keys, site ids, agent handles) are answered at once by `RecorderNames`, which
/// interns names as the recorder does; the recorder checks that it finds the same (a precondition).
struct RecordingPipe: ~Copyable {
    /// The batch being filled; its records and their count are kept here, where the event loop reaches them
    /// without going through the batch object.
    private var batch = RecordingBatch()
    private var records: UnsafeMutablePointer<Recording>
    private var count = 0
    /// The recorder while records are applied in line; nil while the worker holds it.
    private var recorder: RunRecorder?
    private var worker: RecordingWorker?
    private var names: RecorderNames

    init(_ recorder: RunRecorder) {
        self.records = batch.records
        self.recorder = recorder
        self.names = RecorderNames(recorder)
    }

    deinit {
        // A simulation dropped before it finished: its worker stops once it has applied what it was given.
        _ = worker?.finish()
    }

    /// From now on full batches are applied on a thread of the pipe's own.
    mutating func startThread() {
        guard worker == nil, recorder != nil else { return }
        flush()
        worker = RecordingWorker(recorder.take()!)
    }

    /// Applies every record written so far and returns the recorder (the thread, if any, has ended).
    mutating func finish() -> RunRecorder {
        flush()
        if let worker {
            self.worker = nil
            recorder = worker.finish()
        }
        return recorder!
    }

    @inline(__always)
    private mutating func add(_ recording: Recording) {
        (records + count).initialize(to: recording)
        count += 1
        if count == RecordingBatch.capacity { flush() }
    }

    private mutating func flush() {
        batch.count = count
        count = 0
        if let worker {
            batch = worker.submit(batch)
            records = batch.records
        } else {
            batch.apply(to: &recorder!)
        }
    }

    /// A name's place in the current batch's names (the record that refers to it must follow at once).
    private mutating func name(_ name: String) -> Int32 {
        batch.names.append(name)
        return Int32(batch.names.count - 1)
    }

    // MARK: The recorder's calls

    mutating func keys(region: String, language: String, department: String) -> BreakdownKeys {
        let keys = BreakdownKeys(
            region: names.intern(region, .region),
            language: names.intern(language, .language),
            department: names.intern(department, .department)
        )
        let (region, language, department) = (name(region), name(language), name(department))
        add(.keys(region: region, language: language, department: department, expected: keys))
        return keys
    }

    mutating func site(_ site: String) -> Int32 {
        let id = names.intern(site, .site)
        add(.site(name: name(site), expected: id))
        return id
    }

    @inline(__always) mutating func visitorArrived(_ keys: BreakdownKeys) { add(.visitorArrived(keys)) }
    @inline(__always) mutating func chatRequested(_ keys: BreakdownKeys) { add(.chatRequested(keys)) }
    @inline(__always) mutating func chatQueued(_ keys: BreakdownKeys) { add(.chatQueued(keys)) }
    @inline(__always) mutating func messageSent(_ keys: BreakdownKeys) { add(.messageSent(keys)) }
    @inline(__always) mutating func messageRefused(_ keys: BreakdownKeys) { add(.messageRefused(keys)) }
    @inline(__always) mutating func transferred(_ keys: BreakdownKeys) { add(.transferred(keys)) }

    @inline(__always)
    mutating func chatAssigned(_ keys: BreakdownKeys, waitSeconds: Double) {
        add(.chatAssigned(keys, waitSeconds: waitSeconds))
    }

    @inline(__always)
    mutating func messageDelivered(_ keys: BreakdownKeys, direction: RunRecorder.Direction, latencySeconds: Double) {
        add(.messageDelivered(latencySeconds: latencySeconds, keys, direction))
    }

    @inline(__always)
    mutating func firstResponse(_ keys: BreakdownKeys, afterSeconds delay: Double) {
        add(.firstResponse(keys, afterSeconds: delay))
    }

    @inline(__always)
    mutating func outcome(_ outcome: RunRecorder.Outcome, _ keys: BreakdownKeys, wasWaiting: Bool) {
        add(.outcome(outcome, keys, wasWaiting: wasWaiting))
    }

    mutating func error(_ keys: BreakdownKeys, kind: String) {
        add(.error(keys, kind: name(kind)))
    }

    mutating func agentJoined(name agent: String, site: String, capacity: Int, atSeconds time: Double) -> Int {
        let handle = names.agents
        names.agents += 1
        _ = names.intern(site, .site)
        let (agent, site) = (name(agent), name(site))
        add(.agentJoined(name: agent, site: site, capacity: Int32(clamping: capacity), atSeconds: time, expected: Int32(handle)))
        return handle
    }

    @inline(__always)
    mutating func agentConcurrency(agent: Int, atSeconds time: Double, active: Int) {
        add(.agentConcurrency(agent: Int32(agent), atSeconds: time, active: Int32(clamping: active)))
    }

    mutating func agentLeft(agent: Int, atSeconds time: Double) {
        add(.agentLeft(agent: Int32(agent), atSeconds: time))
    }

    mutating func agentRejoined(agent: Int, atSeconds time: Double) {
        add(.agentRejoined(agent: Int32(agent), atSeconds: time))
    }

    /// Closes a second; `simulatedTime` as seconds since 2001 (`Date.timeIntervalSinceReferenceDate`).
    mutating func sample(second: Int, simulatedTime: Double, gauges: TimeSeries.Gauges) {
        add(
            .sample(
                second: Int32(clamping: second),
                sessions: Int32(clamping: gauges.sessions),
                activeChats: Int32(clamping: gauges.activeChats),
                agentsOnline: Int32(clamping: gauges.agentsOnline),
                atSeconds: simulatedTime
            )
        )
    }
}

/// The recorder's interned names as the event loop sees them: ids in order of first sight per dimension, as
/// `Breakdown.intern` gives them, and the number of agents registered (the next agent's handle).
struct RecorderNames {
    private var interners: [Interner]
    var agents: Int

    init(_ recorder: RunRecorder) {
        interners = LoadMetrics.Dimension.allCases.map { dimension in
            var interner = Interner()
            for name in recorder.breakdowns[dimension.index].names { _ = interner.id(name) }
            return interner
        }
        agents = recorder.agentRecords.count
    }

    mutating func intern(_ name: String, _ dimension: LoadMetrics.Dimension) -> Int32 {
        interners[dimension.index].id(name)
    }
}

/// The thread that applies a pipe's batches: a queue of full batches (at most `inFlight`, so a slow recorder holds
/// the event loop back instead of filling memory) and a stock of empty ones to reuse.
final class RecordingWorker: @unchecked Sendable {
    private static let inFlight = 16
    /// Once the thread has applied every batch and sleeps, it is woken when this many are queued: woken for every
    /// batch (a futex call each time, as the thread, faster than the event loop, is mostly asleep), the wake-ups were
    /// 1.5 % of the event loop's time in perf.
    private static let wakeAfter = 4

    /// Guards `full`, `spare` and `closed`.
    private let condition = NSCondition()
    private var full: [RecordingBatch] = []
    private var spare: [RecordingBatch] = []
    private var closed = false
    /// The worker thread's alone from `init` until `finish` has seen it end (the thread keeps it in a local
    /// meanwhile, see `work`).
    private var recorder: RunRecorder?
    private let ended = DispatchSemaphore(value: 0)

    init(_ recorder: RunRecorder) {
        self.recorder = recorder
        let thread = Thread { [self] in work() }
        thread.name = "chatstorm recorder"
        thread.start()
    }

    /// Queues a full batch for the thread; returns an empty one to fill next.
    func submit(_ batch: RecordingBatch) -> RecordingBatch {
        condition.lock()
        while full.count >= Self.inFlight { condition.wait() }
        full.append(batch)
        let next = spare.popLast()
        if full.count >= Self.wakeAfter { condition.broadcast() }
        condition.unlock()
        return next ?? RecordingBatch()
    }

    /// Waits until every queued batch is applied and the thread has ended; returns the recorder.
    func finish() -> RunRecorder {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
        ended.wait()
        return recorder!
    }

    private func work() {
        // The recorder's counters and gauges are stored inline: kept in this object, every record wrote to its
        // cache lines, which neighbour the event loop's objects on the heap. The event loop's retain of the
        // visitors' shared behaviour then waited for the line to come back from this thread's core: 4 % of the
        // event loop's samples in perf of the Erlang C day, none with the recorder in line, 0.7 % once it moved
        // here (the wall time within a shared VM's noise). In a local, the recorder is written on this thread's
        // stack instead.
        var recorder = self.recorder.take()!
        defer {
            self.recorder = recorder
            ended.signal()
        }
        while true {
            condition.lock()
            while full.isEmpty, !closed { condition.wait() }
            guard !full.isEmpty else {
                condition.unlock()
                break
            }
            let batch = full.removeFirst()
            condition.broadcast()
            condition.unlock()
            batch.apply(to: &recorder)
            condition.lock()
            spare.append(batch)
            condition.unlock()
        }
    }
}
