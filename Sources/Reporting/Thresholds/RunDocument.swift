public import Foundation
public import LoadMetrics

/// `run.json` as a whole: the ``RunResult`` with the keys the CLI adds beside it, `stopReason` and
/// `thresholds` (docs/results.md). Readers that know only `RunResult` ignore the extra keys.
public struct RunDocument: Sendable, Equatable {
    /// Why a run ended.
    public enum StopReason: String, Codable, Sendable {
        /// The profile's duration was played to its end.
        case finished
        /// SIGINT or SIGTERM.
        case interrupted
        /// The target refused connections or died.
        case targetUnreachable
        /// A threshold with `abortOnFail` failed during the run.
        case thresholdAborted
    }

    public var result: RunResult
    /// Nil for a result written before this key existed.
    public var stopReason: StopReason?
    /// Nil when the run had no thresholds.
    public var thresholds: [ThresholdResult]?

    public init(result: RunResult, stopReason: StopReason? = nil, thresholds: [ThresholdResult]? = nil) {
        self.result = result
        self.stopReason = stopReason
        self.thresholds = thresholds
    }

    /// True when no threshold failed (also when there are none).
    public var thresholdsPassed: Bool { thresholds?.allSatisfy(\.passed) ?? true }
}

extension RunDocument: Codable {
    private enum CodingKeys: String, CodingKey {
        case stopReason, thresholds
    }

    // The result writes its own keys into the same top-level object; these are added beside them.
    public func encode(to encoder: any Encoder) throws {
        try result.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(stopReason, forKey: .stopReason)
        try container.encodeIfPresent(thresholds, forKey: .thresholds)
    }

    public init(from decoder: any Decoder) throws {
        result = try RunResult(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        stopReason = try container.decodeIfPresent(StopReason.self, forKey: .stopReason)
        thresholds = try container.decodeIfPresent([ThresholdResult].self, forKey: .thresholds)
    }

    /// `run.json` bytes: pretty-printed, keys sorted, arrays of numbers on one line, as `RunResult.jsonData()`.
    public func jsonData() throws -> Data {
        var document = self
        document.result.series = nil
        return try result.runJSON(of: document)
    }

    /// Reads `run.json` bytes: the per-second series by hand (`RunSeries.extract(fromRunJSON:)`, five times
    /// faster on a simulated day), the rest with `JSONDecoder`; a file the series reader declines is decoded
    /// whole by `JSONDecoder`, with its errors.
    public init(jsonData data: Data) throws {
        self = try RunSeries.decode(RunDocument.self, fromRunJSON: data, series: \.result.series)
    }

    /// Reads `run.json` from a run folder (or the file itself).
    public init(contentsOf path: String) throws {
        var url = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            url.appendPathComponent("run.json")
        }
        try self.init(jsonData: Data(contentsOf: url))
    }
}
