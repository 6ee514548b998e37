import NIOCore
import NIOPosix
import Prometheus
import Testing

@testable import LoadEngine

/// The engine's HTTP GET of a target's health document, against the engine's own small metrics server.
@Suite struct HealthProbeTests {
    @Test func readsTheBodyOfAnOKAnswerAndFailsOnAnyOther() async throws {
        let registry = PrometheusCollectorRegistry()
        registry.makeGauge(descriptor: LiveExport.descriptor("probe", help: "A gauge for the probe")).set(Int64(7))
        let group = MultiThreadedEventLoopGroup.singleton
        let endpoint = try await MetricsEndpoint.start(serving: registry, host: "127.0.0.1", port: 0, group: group)
        let body = try await HealthProbe.get(host: "127.0.0.1", port: endpoint.port, path: "/metrics", group: group)
        #expect(String(decoding: body, as: UTF8.self).contains("chatstorm_run_probe 7"))
        await #expect(throws: HealthProbe.Failure.self) {
            try await HealthProbe.get(host: "127.0.0.1", port: endpoint.port, path: "/elsewhere", group: group)
        }
        let port = endpoint.port
        await endpoint.close()
        await #expect(throws: (any Error).self) {
            try await HealthProbe.get(host: "127.0.0.1", port: port, path: "/metrics", group: group)
        }
    }
}
