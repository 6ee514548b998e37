import NIOCore

extension LiveRun {
    /// Serves the run's live metrics in the Prometheus text format at `http://host:port/metrics` until the returned
    /// endpoint is closed (`chatstorm run --metrics-port N`). Call it before or during ``run(progress:)``; the figures
    /// are brought up to date once a second and once more when the run ends, so a scrape after ``run(progress:)``
    /// returned shows the final counts.
    ///
    /// The metrics (all named `chatstorm_run_…`) are listed in docs/results.md, "Live metrics".
    /// - Parameters:
    ///   - host: the address to listen on; loopback by default.
    ///   - port: the port; 0 picks a free one (``MetricsEndpoint/port`` tells which).
    public func serveMetrics(host: String = "127.0.0.1", port: Int) async throws -> MetricsEndpoint {
        let registry = try await loop.submit {
            let export = self.export ?? LiveExport()
            self.export = export
            return export.registry
        }.get()
        return try await MetricsEndpoint.start(serving: registry, host: host, port: port, group: loop)
    }
}
