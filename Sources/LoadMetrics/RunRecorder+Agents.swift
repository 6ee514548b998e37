public import Foundation
import Histogram

/// One agent as `agents.csv` lists it.
public struct AgentRecord: Sendable, Equatable {
    public var name: String
    /// The site's interned id.
    public var site: Int32
    public var load: AgentLoad
    /// Logged in (not yet left).
    public var online = true
}

extension RunRecorder {
    // MARK: Agents

    /// Registers an agent (at login); returns the handle for `agentConcurrency(agent:at:active:)`.
    /// - Parameter time: simulated time since the run start.
    public mutating func agentJoined(name: String, site: String, capacity: Int, at time: Duration) -> Int {
        var load = AgentLoad(capacity: capacity)
        load.change(at: time.seconds, active: 0)
        let siteID = self.site(site)
        agents.append(AgentRecord(name: name, site: siteID, load: load))
        changeOnline(site: siteID, capacity: capacity, by: 1)
        return agents.count - 1
    }

    /// The agent has `active` chats from `time` on.
    public mutating func agentConcurrency(agent: Int, at time: Duration, active: Int) {
        agentConcurrency(agent: agent, atSeconds: time.seconds, active: active)
    }

    /// `agentConcurrency(agent:at:active:)` with the time in seconds since the run start.
    public mutating func agentConcurrency(agent: Int, atSeconds time: Double, active: Int) {
        agentActiveChats -= agents[agent].load.active
        agents[agent].load.change(at: time, active: active)
        agentActiveChats += agents[agent].load.active
    }

    /// The agent logged out at `time`; its observation stops there.
    public mutating func agentLeft(agent: Int, at time: Duration) {
        agentActiveChats -= agents[agent].load.active
        agents[agent].load.finish(at: time.seconds)
        if agents[agent].online {
            agents[agent].online = false
            changeOnline(site: agents[agent].site, capacity: agents[agent].load.capacity, by: -1)
        }
    }

    /// The agent `agent` (registered by an earlier `agentJoined`) logged in again at `time`, for its next shift:
    /// it counts as online at its site again, its capacity as online, and its observation resumes with no chat.
    public mutating func agentRejoined(agent: Int, at time: Duration) {
        agentRejoined(agent: agent, atSeconds: time.seconds)
    }

    /// `agentRejoined(agent:at:)` with the time in seconds since the run start. Nothing for an agent still online
    /// (a console that reconnected within a shift).
    public mutating func agentRejoined(agent: Int, atSeconds time: Double) {
        guard !agents[agent].online else { return }
        agents[agent].online = true
        // Finished at its logout: it holds no chat, and its observation restarts here.
        agents[agent].load.change(at: time, active: 0)
        changeOnline(site: agents[agent].site, capacity: agents[agent].load.capacity, by: 1)
    }

    /// Counts an agent in or out of its site's agents online and the chat capacity online.
    private mutating func changeOnline(site: Int32, capacity: Int, by delta: Int) {
        let index = Int(site)
        if siteAgentsOnline.count <= index {
            siteAgentsOnline.append(contentsOf: repeatElement(0, count: index + 1 - siteAgentsOnline.count))
        }
        siteAgentsOnline[index] += delta
        chatCapacityOnline += delta * capacity
    }

    /// Every agent registered so far.
    public var agentRecords: [AgentRecord] { agents }

    // MARK: Per second

    /// Closes a second of the time series and samples the queue depth of the totals and of every
    /// breakdown key. `schedulingLag` is the event loop's lag measured for this second, if any.
    /// When agents are registered, the row's active chats are the chats they hold (the sum of their
    /// current concurrency), whatever `gauges.activeChats` says.
    public mutating func sample(
        second: Int,
        simulatedTime: Date,
        gauges: TimeSeries.Gauges,
        schedulingLag: Duration? = nil
    ) {
        total.queueDepth.add(total.waiting)
        for dimension in breakdowns.indices {
            for id in breakdowns[dimension].sets.indices {
                let waiting = breakdowns[dimension].sets[id].waiting
                breakdowns[dimension].sets[id].queueDepth.add(waiting)
            }
        }
        generator.peakSessions = Swift.max(generator.peakSessions, gauges.sessions)
        if let schedulingLag { recordSchedulingLag(schedulingLag) }
        var gauges = gauges
        if !agents.isEmpty { gauges.activeChats = agentActiveChats }
        timeSeries.sample(
            second: second,
            simulatedTime: simulatedTime,
            queueDepth: total.waiting,
            gauges: gauges,
            departmentQueueDepth: breakdowns[Dimension.department.index].sets.map(\.waiting),
            languageQueueDepth: breakdowns[Dimension.language.index].sets.map(\.waiting),
            siteAgentsOnline: siteAgentsOnline,
            chatCapacity: chatCapacityOnline
        )
    }

    /// One measurement of the generator's scheduling lag.
    public mutating func recordSchedulingLag(_ lag: Duration) {
        generator.schedulingLag.record(Swift.min(lag.wholeMicros, LatencyRecorder.highestTrackableMicros))
    }

    /// An arrival that could not be started on time.
    public mutating func lateArrival() {
        generator.lateArrivals += 1
    }

    /// The columns of `agents.csv`, before one `seconds_at_N` column per concurrency level.
    public static let agentsCSVColumns = [
        "agent", "site", "capacity", "observed_seconds", "mean_concurrency", "max_concurrency", "occupancy",
        "busy_share",
    ]

    /// `agents.csv`: one row per agent, then `seconds_at_0` … `seconds_at_N` (N = the highest level
    /// any agent reached). Names are quoted when they hold a comma or a quote.
    public func agentsCSV() -> String {
        let levels = (agents.map(\.load.secondsAtLevel.count).max() ?? 1)
        let siteNames = breakdowns[Dimension.site.index].names
        var lines = [(Self.agentsCSVColumns + (0..<levels).map { "seconds_at_\($0)" }).joined(separator: ",")]
        for agent in agents {
            let load = agent.load
            var fields = [
                csvField(agent.name), csvField(siteNames[Int(agent.site)]), String(load.capacity),
                decimal(load.observedSeconds), decimal(load.mean), String(load.max), decimal(load.occupancy),
                decimal(load.busyShare),
            ]
            fields += (0..<levels).map { decimal($0 < load.secondsAtLevel.count ? load.secondsAtLevel[$0] : 0) }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

private func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

private func decimal(_ value: Double) -> String {
    String(format: "%.3f", value)
}

extension Duration {
    /// Seconds as a `Double`.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}
