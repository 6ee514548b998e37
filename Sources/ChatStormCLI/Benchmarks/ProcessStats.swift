import Foundation

/// CPU time and memory of a process, read from Linux's /proc.
struct ProcessStats: Sendable {
    /// User + system CPU seconds.
    var cpuSeconds: Double
    /// Resident set size now, and its peak, in bytes.
    var rssBytes: Int
    var peakRSSBytes: Int

    static func read(pid: Int32) -> ProcessStats? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        // Fields after the command name: state is field 3, utime 14, stime 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        func kilobytes(_ key: String) -> Int {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }) else { return 0 }
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "0") ?? 0
        }
        return ProcessStats(
            cpuSeconds: (user + system) / ticks,
            rssBytes: kilobytes("VmRSS:") * 1024,
            peakRSSBytes: kilobytes("VmHWM:") * 1024
        )
    }

    static var current: ProcessStats? { read(pid: getpid()) }
}
