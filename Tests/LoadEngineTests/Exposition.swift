import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A Prometheus text exposition as the tests read it: `# TYPE` lines and samples keyed by `name{labels}` as written
/// (plain `name` for a sample without labels). Written for these tests from the format's description, so that the
/// export is checked against the format rather than against the library that produced it.
struct Exposition: Sendable {
    /// Metric family name → `counter`, `gauge`, `histogram`, ….
    private(set) var types: [String: String] = [:]
    private(set) var samples: [String: Double] = [:]

    /// One histogram series.
    struct HistogramSeries: Sendable {
        /// Cumulative buckets by upper bound, ascending, `+Inf` last.
        var buckets: [(bound: Double, count: Double)]
        var sum: Double
        var count: Double
    }

    init(text: String) {
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# TYPE ") {
                let parts = line.split(separator: " ")
                if parts.count == 4 { types[String(parts[2])] = String(parts[3]) }
                continue
            }
            guard !line.hasPrefix("#"), let space = line.lastIndex(of: " ") else { continue }
            samples[String(line[..<space])] = Self.number(line[line.index(after: space)...])
        }
    }

    private static func number(_ text: Substring) -> Double? {
        switch text {
        case "+Inf": .infinity
        case "-Inf": -.infinity
        default: Double(text)
        }
    }

    /// The value of the sample `key` (`name` or `name{labels}`).
    subscript(key: String) -> Double? { samples[key] }

    /// The samples of `name` that carry labels, by their label text (`department="sales"`).
    func labelled(_ name: String) -> [String: Double] {
        var found: [String: Double] = [:]
        for (key, value) in samples where key.hasPrefix(name + "{") && key.hasSuffix("}") {
            found[String(key.dropFirst(name.count + 1).dropLast())] = value
        }
        return found
    }

    /// The histogram series `name{labels}` (`labels` empty for an unlabelled histogram).
    func histogram(_ name: String, labels: String) -> HistogramSeries? {
        let suffix = labels.isEmpty ? "" : "{\(labels)}"
        guard let sum = samples[name + "_sum" + suffix], let count = samples[name + "_count" + suffix] else { return nil }
        var buckets: [(bound: Double, count: Double)] = []
        for (key, value) in labelled(name + "_bucket") {
            // `labels,le="…"` or `le="…"`.
            let prefix = labels.isEmpty ? "le=\"" : labels + ",le=\""
            guard key.hasPrefix(prefix), key.hasSuffix("\""), let bound = Self.number(key.dropFirst(prefix.count).dropLast())
            else { continue }
            buckets.append((bound, value))
        }
        return HistogramSeries(buckets: buckets.sorted { $0.bound < $1.bound }, sum: sum, count: count)
    }

    /// `GET http://127.0.0.1:port/metrics`, parsed; fails on a status other than 200 or a wrong content type.
    static func scrape(port: Int) async throws -> Exposition {
        let (data, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/metrics")!)
        let http = try #require(response as? HTTPURLResponse)
        #expect(http.statusCode == 200)
        #expect(http.value(forHTTPHeaderField: "Content-Type")?.hasPrefix("text/plain; version=0.0.4") == true)
        return Exposition(text: String(decoding: data, as: UTF8.self))
    }

    /// The status code of `METHOD http://127.0.0.1:port/path`.
    static func status(port: Int, path: String, method: String = "GET") async throws -> Int {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        let (_, response) = try await URLSession.shared.data(for: request)
        return try #require(response as? HTTPURLResponse).statusCode
    }
}
