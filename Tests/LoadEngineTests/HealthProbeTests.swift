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
        // A loop of its own, and a timeout far above the engine's 2 s: the whole suite runs beside this test on two
        // cores (with the shared singleton loop and 2 s, a busy CI machine timed the first answer out).
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let timeout = TimeAmount.seconds(30)
        let endpoint = try await MetricsEndpoint.start(serving: registry, host: "127.0.0.1", port: 0, group: group)
        let body = try await HealthProbe.get(host: "127.0.0.1", port: endpoint.port, path: "/metrics", group: group, timeout: timeout)
        #expect(String(decoding: body, as: UTF8.self).contains("chatstorm_run_probe 7"))
        await #expect(throws: HealthProbe.Failure.self) {
            try await HealthProbe.get(host: "127.0.0.1", port: endpoint.port, path: "/elsewhere", group: group, timeout: timeout)
        }
        let port = endpoint.port
        await endpoint.close()
        await #expect(throws: (any Error).self) {
            try await HealthProbe.get(host: "127.0.0.1", port: port, path: "/metrics", group: group, timeout: timeout)
        }
        try await group.shutdownGracefully()
    }
}
