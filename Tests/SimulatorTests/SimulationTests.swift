import ChatRouting
import Foundation
import LoadMetrics
import Simulator
import Testing
import Workload

@Suite struct SimulationTests {
    @Test func sameSeedSameRun() throws {
        let profile = Fixtures.busy(hours: 0.5)
        let first = try Fixtures.simulate(profile, seed: 11)
        let second = try Fixtures.simulate(profile, seed: 11)
        #expect(first.result == second.result)
        #expect(first.timeSeriesCSV == second.timeSeriesCSV)
        #expect(first.agentsCSV == second.agentsCSV)
        #expect(first.events == second.events)
        let other = try Fixtures.simulate(profile, seed: 12)
        #expect(other.result.counts != first.result.counts)
    }

    @Test("the recorder on a thread of its own records exactly what it records in line")
    func recorderThreadRecordsTheSame() throws {
        // Two hours of a busy desk: a record per simulated second and several per message, over 20,000 in all, so
        // batches of 4,096 cross between the threads, with agents' logins and breakdown keys first seen on the way.
        let configuration = SimulationConfiguration(profile: Fixtures.busy(hours: 2), seed: 21)
        var threaded = try Simulation(configuration: configuration)
        let aside = threaded.run(recorderThread: true)
        var inline = try Simulation(configuration: configuration)
        let inLine = inline.run(recorderThread: false)
        #expect(aside.result.counts.messagesSent > 4_000)
        #expect(aside.result == inLine.result)
        #expect(aside.timeSeriesCSV == inLine.timeSeriesCSV)
        #expect(aside.agentsCSV == inLine.agentsCSV)
    }

    @Test func positionChangesChangeNothingButTheEventCount() throws {
        // A queue-heavy part of a day with transfers, re-queues and reconnects: delivering every position change
        // (as the reference server sends them) gives the same run as one `queued` per stay in the queue.
        var profile = Fixtures.busy(hours: 1)
        profile.regions[0].peakPerHour = 1_500
        var configuration = SimulationConfiguration(profile: profile, seed: 5)
        var once = try Simulation(configuration: configuration)
        let onceOutput = once.run()
        configuration.routing.announcesPositionChanges = true
        var every = try Simulation(configuration: configuration)
        let everyOutput = every.run()
        #expect(onceOutput.result.counts.chatsQueued > 100 && onceOutput.result.counts.transfers > 10)
        #expect(everyOutput.events > onceOutput.events + 1_000)
        #expect(onceOutput.result == everyOutput.result)
        #expect(onceOutput.timeSeriesCSV == everyOutput.timeSeriesCSV)
        #expect(onceOutput.agentsCSV == everyOutput.agentsCSV)
    }

    @Test func agentsLearnTheDepartmentAChatWasTransferredTo() throws {
        // Every agent transfers every chat it can to billing, never within the chat's own department. The sales
        // visitors' chats go to billing once; were the billing agent told the visitor's department (sales) instead
        // of the one the routing assigned, it would transfer each chat again, and again.
        var profile = Fixtures.desk(perHour: 120, agents: 4, capacity: 2, hours: 1, departments: ["sales": 1])
        profile.agents.sites[0].departments = ["billing", "sales"]
        profile.agents.sites[0].transferShare = 1
        profile.agents.sites[0].transferTo = ["billing"]
        let counts = try Fixtures.simulate(profile).result.counts
        #expect(counts.chatsAssigned > 50)
        #expect(counts.transfers > 50)
        #expect(counts.transfers <= counts.chatsRequested)
    }

    @Test func everyArrivalEndsOnceAndMessagesAddUp() throws {
        let output = try Fixtures.simulate(Fixtures.busy(hours: 1))
        let counts = output.result.counts
        #expect(counts.visitorsArrived > 300)
        #expect(output.result.accountingProblems() == [])
        #expect(counts.outcomes == counts.visitorsArrived)
        // Every behaviour of the profile happened, so the identities were really exercised.
        #expect(counts.chatsCompleted > 0 && counts.chatsAbandoned > 0 && counts.botResolved > 0)
        #expect(counts.leftAtForm > 0 && counts.transfers > 0 && counts.stillActive > 0)
        #expect(counts.messagesSent > 0)
        #expect(counts.messagesReceived + counts.messagesLost + counts.messagesRefused <= counts.messagesSent)
        #expect(counts.chatsAssigned <= counts.chatsRequested)
        #expect(output.result.mode == .sim)
    }

    @Test func messagesAllArriveWhenNoChatIsCutOff() throws {
        // Arrivals stop after the first half hour and the run goes on long enough
        // for every chat to end: nothing is in flight, so sent = received + lost + refused exactly.
        let counts = try Fixtures.simulate(halfHourOfArrivals()).result.counts
        #expect(counts.stillActive == 0)
        #expect(counts.messagesSent > 1_000)
        #expect(counts.messagesReceived + counts.messagesLost + counts.messagesRefused == counts.messagesSent)
        #expect(counts.outcomes == counts.visitorsArrived)
    }

    @Test("a visitor's message that crosses the agent's idle end is refused: counted as refused, not lost, no error")
    func messagesCrossingAnEndAreRefused() throws {
        // Agents end a chat 300 s after their last reply; these visitors think 290–300 s and type for a few more,
        // and every frame takes 10 s: about half the first messages go out after the end, before it is known.
        var profile = halfHourOfArrivals()
        profile.visitors.thinkTime = .uniform(min: 290, max: 300)
        let counts = try Fixtures.simulate(profile, delay: .constant(10)).result.counts
        #expect(counts.stillActive == 0)
        #expect(counts.messagesRefused > 0)
        #expect(counts.messagesLost == 0)
        #expect(counts.errors == 0, "\(counts.errorsByKind)")
        #expect(counts.accountingProblems().isEmpty, "\(counts.accountingProblems())")
    }

    @Test(
        "with network delays, messages on their way to a visitor who leaves are received, as live: none unaccounted",
        arguments: [1, 2, 3] as [UInt64]
    )
    func messagesOnTheirWayToALeavingVisitor(seed: UInt64) throws {
        // Agents answer at once and visitors give up within seconds; every frame takes an exponential time, so a
        // visitor often learns of its assignment after the agent's first message was sent, and leaves meanwhile.
        var profile = halfHourOfArrivals()
        profile.agents.sites[0].replyTime = .constant(0)
        profile.visitors.patience = .exponential(mean: 3)
        let counts = try Fixtures.simulate(profile, seed: seed, delay: .exponential(mean: 1)).result.counts
        #expect(counts.stillActive == 0)
        #expect(counts.chatsAbandoned > 20)
        #expect(counts.accountingProblems().isEmpty, "\(counts.accountingProblems())")
    }

    @Test("a visitor back after the resume grace learns that its chat ended, and finishes: none waits forever")
    func comingBackAfterTheGrace() throws {
        // Every chat drops once, before one of the visitor's messages, for 20–40 s: longer than the 15 s grace.
        var profile = halfHourOfArrivals()
        profile.visitors.reconnect.probability = 1
        profile.visitors.reconnect.after = .uniform(min: 20, max: 40)
        let counts = try Fixtures.simulate(profile).result.counts
        #expect(counts.stillActive == 0)
        #expect(counts.chatsAssigned > 100)
        #expect(counts.chatsCompleted == counts.chatsAssigned)
        // The message each was about to send goes out on its return, into the chat the server has ended.
        #expect(counts.messagesRefused >= counts.chatsAssigned)
        #expect(counts.errors == 0, "\(counts.errorsByKind)")
        #expect(counts.accountingProblems().isEmpty, "\(counts.accountingProblems())")
    }

    @Test("agents of a translating site take chats in a language nobody speaks once they waited routing.overflowAfter")
    func translationOverflow() throws {
        // Nobody speaks Latvian; the desk's English speakers translate.
        var profile = Fixtures.desk(perHour: 120, agents: 4, capacity: 2, languages: ["en": 0.7, "lv": 0.3])
        profile.agents.sites[0].languages = ["en"]
        profile.agents.sites[0].translation = true
        profile.overflowAfter = 45
        profile.visitors.patience = .constant(3_600)
        let result = try Fixtures.simulate(profile).result
        let latvian = try #require(result.breakdowns[.language]?["lv"])
        #expect(latvian.counts.chatsAssigned > 30)
        #expect(latvian.counts.offlineTickets == 0)
        // Waits in milliseconds: no Latvian chat is taken before 45 s, English ones at once.
        #expect(try #require(result.metrics(.language, "lv")).queueWait.min >= 45_000)
        #expect(try #require(result.metrics(.language, "en")).queueWait.min < 45_000)

        // Without translation, nobody can take them: offline tickets.
        profile.agents.sites[0].translation = false
        let unserved = try #require(try Fixtures.simulate(profile).result.breakdowns[.language]?["lv"])
        #expect(unserved.counts.chatsAssigned == 0 && unserved.counts.offlineTickets > 30)
    }

    /// The busy desk for two hours, with arrivals only in the first half hour (an event with multiplier 0): time
    /// for every chat to end.
    private func halfHourOfArrivals() -> Profile {
        var profile = Fixtures.busy(hours: 2)
        profile.events = [
            Event(
                name: "closed",
                timeZone: "UTC",
                start: LocalDateTime(year: 2025, month: 6, day: 4, hour: 0, minute: 30),
                end: LocalDateTime(year: 2025, month: 6, day: 4, hour: 2),
                multiplier: 0
            )
        ]
        return profile
    }

    @Test func capacityIsNeverExceeded() throws {
        var profile = Fixtures.busy(hours: 1)
        profile.regions[0].peakPerHour = 2_000
        let output = try Fixtures.simulate(profile)
        let records = output.recorder.agentRecords
        #expect(records.count == 6)
        for record in records {
            #expect(record.load.max <= record.load.capacity)
        }
        #expect(records.contains { $0.load.max == $0.load.capacity })
        #expect(output.result.metrics.agentConcurrency.max == 3)
        #expect(output.result.counts.chatsQueued > 0)
    }

    @Test func withoutAgentsEveryRequestBecomesATicket() throws {
        let profile = Fixtures.desk(perHour: 300, agents: 0)
        let result = try Fixtures.simulate(profile).result
        let counts = result.counts
        #expect(counts.visitorsArrived > 400)
        #expect(counts.offlineTickets == counts.visitorsArrived)
        #expect(counts.chatsAssigned == 0 && counts.chatsQueued == 0 && counts.messagesSent == 0)
        // A ticket is the visitor's end: nobody is left waiting (each ticket stayed in the queue depth for good).
        #expect(result.series?.queueDepth.max() == 0)
        #expect(result.accountingProblems().isEmpty, "\(result.accountingProblems())")
    }

    @Test("agents back for the next day's shift count as online at their site again, with their capacity")
    func nextShiftCountsOnline() throws {
        var profile = Fixtures.desk(perHour: 60, agents: 3, capacity: 2, hours: 48)
        profile.agents.sites[0].shifts = [Shift(start: TimeOfDay(hour: 8), end: TimeOfDay(hour: 16))]
        let output = try Fixtures.simulate(profile)
        let series = try #require(output.result.series)
        let site = try #require(series.agentsOnlineBySite["hq"])
        #expect(series.agentsOnline.max() == 3)
        for row in 0..<series.count where site[row] != series.agentsOnline[row] || series.chatCapacity[row] != 2 * site[row] {
            Issue.record(
                "second \(series.second[row]): \(series.agentsOnline[row]) agents online, \(site[row]) at hq, capacity \(series.chatCapacity[row])"
            )
            break
        }
        // The second day's shift, 32:00 to 40:00 simulated: all three back.
        #expect(site[36 * 3_600] == 3 && series.chatCapacity[36 * 3_600] == 6)
        // Each agent observed for its two shifts only (16 hours, and the chats it finishes after each), not the night
        // between them.
        for record in output.recorder.agentRecords {
            let observed = record.load.observedSeconds
            #expect(observed >= 16 * 3_600 && observed < 17 * 3_600, "\(record.name): \(observed) s")
        }
    }

    @Test func withHugeCapacityNobodyWaits() throws {
        let output = try Fixtures.simulate(Fixtures.desk(perHour: 600, agents: 50, capacity: 10))
        let result = output.result
        #expect(result.counts.chatsRequested > 900)
        #expect(result.counts.chatsQueued == 0)
        #expect(result.counts.chatsAbandoned == 0)
        #expect(result.metrics.queueWait.max == 0)
        #expect(result.metrics.serviceLevel.value == 1)
        #expect(result.counts.chatsAssigned == result.counts.chatsRequested)
    }

    @Test func messageLatencyIsTheModelledDelay() throws {
        let output = try Fixtures.simulate(Fixtures.desk(perHour: 300, agents: 10, hours: 1), delay: .constant(0.05))
        let latency = output.result.metrics.messageLatency
        for summary in [latency.visitorToAgent, latency.agentToVisitor] {
            #expect(summary.count > 100)
            #expect(abs(summary.p50 - 50) < 0.1)
            #expect(abs(summary.p99 - 50) < 0.1)
        }
        // The queue wait includes the delay of the `assigned` frame.
        #expect(output.result.metrics.queueWait.min >= 49.9)
    }

    @Test func timeSeriesHasOneRowPerSimulatedSecond() throws {
        let output = try Fixtures.simulate(Fixtures.desk(perHour: 300, agents: 10, hours: 0.25))
        let rows = output.recorder.timeSeries.rows
        #expect(rows.count == 900)
        #expect(rows.first?.second == 1 && rows.last?.second == 900)
        #expect(rows.reduce(0) { $0 + $1[.arrivals] } == output.result.counts.visitorsArrived)
        #expect(rows.allSatisfy { $0.gauges.agentsOnline == 10 })
    }
}
