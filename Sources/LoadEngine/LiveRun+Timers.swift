public import NIOCore

// The run's timers: one heap of plain entries and a single NIO callback armed for the earliest (perf showed NIO's
// heap of scheduled-task closures as the largest user-space cost when every machine timer was a task).
extension LiveRun {
    /// Sets a timer for simulated second `t`; it fires at that second's real deadline.
    func setTimer(_ target: TimerHeap.Target, at t: Double) {
        let deadline = clock.offset(t)
        timers.push(deadline: deadline, time: t, target: target)
        if !firingTimers, alarm.map({ deadline < $0.deadline }) ?? true { arm(deadline) }
    }

    func arm(_ deadline: Int64) {
        if let alarm { loop.assumeIsolated().cancelScheduledCallback(alarm.callback) }
        alarm = nil
        // Cannot fail: the loop is running (a run ends before its loop shuts down).
        guard let callback = try? loop.assumeIsolated().scheduleCallback(at: clock.start + .nanoseconds(deadline), handler: self)
        else { return }
        alarm = (deadline, callback)
    }

    /// Runs every timer that is due, then arms the alarm for the next.
    func fireTimers() {
        alarm = nil
        firingTimers = true
        let now = (NIODeadline.now() - clock.start).nanoseconds
        while let entry = timers.popDue(notAfter: now) { fire(entry) }
        firingTimers = false
        if let next = timers.earliest { arm(next) }
    }
}

extension LiveRun: NIOScheduledCallbackHandler {
    /// The alarm of the earliest timer rang.
    public func handleScheduledCallback(eventLoop: some EventLoop) { fireTimers() }
}
