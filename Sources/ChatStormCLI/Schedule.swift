import ArgumentParser
import Foundation
import Workload

/// `chatstorm schedule PROFILE`: the profile's simulated calendar hour by hour, without running anything.
struct Schedule: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a profile's arrivals and agent shifts hour by hour (no load is sent).",
        discussion: """
            One row per simulated UTC hour: each region's local time at the hour's start, its expected arrivals \
            (∫λ) and the arrivals the seeded plan actually holds, then each site's agents on shift (mean over the \
            hour). --csv writes the whole arrival plan, one visitor per line; --agents-csv the agents per site \
            and hour. Exit codes: 0 success; 64 invalid command line; 65 invalid profile; 73 an output file \
            cannot be written.
            """
    )

    @Argument(help: "The profile (YAML).")
    var profile: String

    @Option(help: "Seed of the arrival plan (default: the profile's).")
    var seed: UInt64?

    @OptionGroup var arrivalScale: ArrivalScale

    @Option(help: "Write the arrival plan as CSV to this file.")
    var csv: String?

    @Option(help: "Write agents on shift per site and hour as CSV to this file.")
    var agentsCsv: String?

    func run() throws {
        let loaded = try arrivalScale.applied(to: loadProfile(profile))
        let calendar: RunCalendar
        do {
            calendar = try RunCalendar(profile: loaded)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode.invalidInput
        }
        let plan = ArrivalPlan(calendar: calendar, regions: loaded.regions, seed: seed ?? loaded.seed)
        let agents = AgentSchedule(calendar: calendar, roster: loaded.agents)
        let staffing = agents.meanOnShiftPerHour()
        let hours = Int((calendar.duration / 3600).rounded(.up))

        var planned = [[Int]](repeating: [Int](repeating: 0, count: hours), count: loaded.regions.count)
        var writer = try csv.map { try CSVFile(path: $0) }
        try writer?.row(["time", "utc", "region", "local_time", "language", "department", "returning", "visitor"])
        let utc = ZoneClock(timeZone: TimeZone(secondsFromGMT: 0)!, start: calendar.start, covering: 0..<calendar.duration)
        for arrival in plan {
            planned[arrival.regionIndex][min(hours - 1, Int(arrival.time / 3600))] += 1
            guard writer != nil else { continue }
            try writer?.row([
                Self.seconds(arrival.time),
                utc.localTime(at: arrival.time).description,
                arrival.regionName,
                calendar.regionClocks[arrival.regionIndex].localTime(at: arrival.time).description,
                arrival.language,
                arrival.department,
                arrival.returning ? "true" : "false",
                arrival.visitorID,
            ])
        }
        try writer?.close()

        print(
            "\(loaded.name)\(arrivalScale.suffix): seed \(plan.seed), from \(utc.localTime(at: 0)) for \(Self.number(calendar.duration / 3600)) h"
        )
        print(table(calendar: calendar, staffing: staffing, planned: planned, utc: utc))
        if let agentsCsv { try writeAgents(to: agentsCsv, calendar: calendar, agents: agents, staffing: staffing, utc: utc) }
    }

    /// The per-hour table, with a header naming the regions and sites and a totals row.
    private func table(calendar: RunCalendar, staffing: [[Double]], planned: [[Int]], utc: ZoneClock) -> String {
        let regionWidth = 24
        var header = ["UTC".padded(16), "|"]
        var subheader = ["hour".padded(16), "|"]
        for name in calendar.regionNames {
            header.append(String(name.prefix(regionWidth)).padded(regionWidth))
            subheader.append("local".padded(10) + "exp".leftPadded(7) + "plan".leftPadded(7))
        }
        if !calendar.siteNames.isEmpty {
            header.append("| agents on shift")
            subheader.append("|")
            subheader += calendar.siteNames.map { $0.leftPadded(max(6, $0.count)) }
        }
        var lines = [header.joined(separator: " "), subheader.joined(separator: " ")]
        for hour in 0..<Int((calendar.duration / 3600).rounded(.up)) {
            let from = Double(hour) * 3600
            let to = min(from + 3600, calendar.duration)
            let time = utc.localTime(at: from)
            var cells = [String(time.description.prefix(16)).replacingOccurrences(of: "T", with: " "), "|"]
            for region in calendar.regionNames.indices {
                let local = calendar.regionClocks[region].localTime(at: from)
                let clock = local.weekday.rawValue.capitalized + " " + Self.two(local.hour) + ":" + Self.two(local.minute)
                let expected = calendar.expectedArrivals(region: region, from: from, to: to)
                cells.append(clock.padded(10) + Self.number(expected).leftPadded(7) + String(planned[region][hour]).leftPadded(7))
            }
            if !calendar.siteNames.isEmpty {
                cells.append("|")
                for (site, name) in calendar.siteNames.enumerated() {
                    cells.append(Self.number(staffing[site][hour]).leftPadded(max(6, name.count)))
                }
            }
            lines.append(cells.joined(separator: " "))
        }
        var totals = ["total".padded(16), "|"]
        for region in calendar.regionNames.indices {
            let expected = calendar.expectedArrivals(region: region, from: 0, to: calendar.duration)
            totals.append("".padded(10) + Self.number(expected).leftPadded(7) + String(planned[region].reduce(0, +)).leftPadded(7))
        }
        lines.append(totals.joined(separator: " "))
        return lines.joined(separator: "\n")
    }

    private func writeAgents(
        to path: String,
        calendar: RunCalendar,
        agents: AgentSchedule,
        staffing: [[Double]],
        utc: ZoneClock
    ) throws {
        var writer = try CSVFile(path: path)
        try writer.row(["hour", "utc", "site", "local_time", "on_shift_at_start", "mean_on_shift"])
        for hour in staffing.first?.indices ?? 0..<0 {
            let from = Double(hour) * 3600
            for (site, name) in calendar.siteNames.enumerated() {
                try writer.row([
                    String(hour),
                    utc.localTime(at: from).description,
                    name,
                    calendar.siteClocks[site].localTime(at: from).description,
                    String(agents.onShiftCount(site: site, at: from)),
                    Self.number(staffing[site][hour]),
                ])
            }
        }
        try writer.close()
    }

    /// Run seconds with millisecond precision, without `String(format:)` (a plan can have millions of rows).
    static func seconds(_ time: Double) -> String {
        let milliseconds = Int((time * 1000).rounded(.down))
        let fraction = milliseconds % 1000
        return "\(milliseconds / 1000)." + (fraction < 10 ? "00" : fraction < 100 ? "0" : "") + String(fraction)
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    /// A count or mean: whole numbers plain, others with one decimal.
    static func number(_ value: Double) -> String {
        let text = String(format: "%.1f", value)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}

/// A CSV file written in large chunks; fields are quoted when they need it.
private struct CSVFile {
    private let path: String
    private let handle: FileHandle
    private var buffer = ""

    /// Opens `path` for writing, truncated, as a shell's `>` does: through a symbolic link, into a pipe or a device
    /// (`FileManager.createFile` wrote a new file and renamed it over the path, replacing whatever was there).
    init(path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            FileHandle.standardError.write(Data("cannot write \(path): \(String(cString: strerror(errno)))\n".utf8))
            throw ExitCode.cannotWrite
        }
        self.path = path
        self.handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        buffer.reserveCapacity(1 << 20)
    }

    mutating func row(_ fields: [String]) throws {
        for (i, field) in fields.enumerated() {
            if i > 0 { buffer += "," }
            if field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) {
                buffer += "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            } else {
                buffer += field
            }
        }
        buffer += "\n"
        if buffer.utf8.count >= 1 << 20 { try flush() }
    }

    private mutating func flush() throws {
        do {
            try handle.write(contentsOf: Data(buffer.utf8))
        } catch {
            FileHandle.standardError.write(Data("cannot write \(path): \(error)\n".utf8))
            throw ExitCode.cannotWrite
        }
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() throws {
        try flush()
        do {
            try handle.close()
        } catch {
            FileHandle.standardError.write(Data("cannot write \(path): \(error)\n".utf8))
            throw ExitCode.cannotWrite
        }
    }
}

extension String {
    fileprivate func padded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
