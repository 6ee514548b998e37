// swift-tools-version: 6.2
import PackageDescription

/// Strict settings for every target of ours: Swift 6 language mode plus the upcoming features the
/// Hummingbird and swift-websocket packages build with. In CI (`CI=true`) warnings are errors, in our
/// targets only.
let strictSettings: [SwiftSetting] =
    [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ] + (Context.environment["CI"] == "true" ? [.treatAllWarnings(as: .error)] : [])

/// The simulation core (behaviour machines, routing, metrics, analytic models, the simulator) is compiled with
/// optimisation in debug builds too: the statistical tests simulate a million chats per case, which takes
/// seconds optimised and a quarter of an hour without (`swift test` builds debug). Stepping through these
/// targets in a debugger is then less exact; build with `CHATSTORM_DEBUG_CORE=1` to turn it off.
let simulationCoreSettings: [SwiftSetting] =
    strictSettings
    + (Context.environment["CHATSTORM_DEBUG_CORE"] == "1" ? [] : [.unsafeFlags(["-O"], .when(configuration: .debug))])

/// The simulator's event loop in release builds without its run-time checks (`-Ounchecked`: preconditions, bounds
/// and overflow checks assumed to hold): 3–4 % of a simulated day (`sim-1m`'s busy hours, side by side on both
/// cores). Only this target: it takes no input of its own (profiles are checked when they are read, in `Workload`),
/// and its checks guard its own invariants (slot indices, event times), which the tests exercise in debug builds,
/// where they stay on. The routing, machines and metrics, which the reference server and the live engine share,
/// keep theirs.
let simulatorReleaseSettings: [SwiftSetting] = [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]

let package = Package(
    name: "chatstorm",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "chatstorm", targets: ["ChatStormCLI"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/hummingbird-project/swift-websocket.git", from: "1.6.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    ],
    targets: [
        // Layer 0: pure, no NIO, no clock, no unseeded randomness.
        .target(
            name: "ChatProtocol",
            swiftSettings: strictSettings
        ),
        .target(
            name: "ChatRouting",
            swiftSettings: simulationCoreSettings
        ),
        .target(
            name: "Workload",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: simulationCoreSettings
        ),
        .target(
            name: "Analytic",
            swiftSettings: simulationCoreSettings
        ),
        .target(
            name: "LoadMetrics",
            dependencies: [.product(name: "Histogram", package: "hdrhistogram-swift")],
            swiftSettings: simulationCoreSettings
        ),

        // Layer 1: the lean protocol v1 WebSocket client the engine and benchmarks drive.
        .target(
            name: "ChatClient",
            dependencies: [
                "ChatProtocol",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),

        // Layer 1: the live engine.
        .target(
            name: "LoadEngine",
            dependencies: [
                "ChatClient",
                "ChatProtocol",
                "LoadMetrics",
                "Workload",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strictSettings
        ),

        // Layer 1: capacity planning from a profile with the exact queue models (pure: no clock, no randomness).
        .target(
            name: "Planning",
            dependencies: ["Analytic", "LoadMetrics", "Workload"],
            swiftSettings: strictSettings
        ),

        // Layer 1: the same profile in virtual time (discrete-event), the same behaviour and routing.
        .target(
            name: "Simulator",
            dependencies: ["ChatRouting", "LoadMetrics", "Workload"],
            swiftSettings: simulationCoreSettings + simulatorReleaseSettings
        ),

        // Layer 1: the reference server (the only target that imports Hummingbird).
        .target(
            name: "ChatServer",
            dependencies: [
                "ChatProtocol",
                "ChatRouting",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),

        // Layer 2: results, reports, thresholds, comparison.
        .target(
            name: "Reporting",
            dependencies: [
                "Analytic",
                "LoadMetrics",
                "Planning",
                "Workload",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            swiftSettings: strictSettings
        ),

        // Layer 3: argument parsing and wiring only.
        .executableTarget(
            name: "ChatStormCLI",
            dependencies: [
                "ChatClient",
                "ChatProtocol",
                "ChatRouting",
                "ChatServer",
                "LoadEngine",
                "LoadMetrics",
                "Planning",
                "Reporting",
                "Simulator",
                "Workload",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),

        // Test support: a real WebSocket client speaking protocol v1, the server on port 0.
        .target(
            name: "ChatStormTesting",
            dependencies: [
                "ChatProtocol",
                "ChatServer",
                .product(name: "WSClient", package: "swift-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),

        .testTarget(
            name: "ChatProtocolTests",
            dependencies: ["ChatProtocol"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ChatRoutingTests",
            dependencies: ["ChatRouting"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WorkloadTests",
            dependencies: ["Workload"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ChatClientTests",
            dependencies: [
                "ChatClient",
                "ChatProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "AnalyticTests",
            dependencies: ["Analytic"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PlanningTests",
            dependencies: ["Analytic", "LoadMetrics", "Planning", "Workload"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LoadMetricsTests",
            dependencies: ["LoadMetrics", .product(name: "Histogram", package: "hdrhistogram-swift")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ReportingTests",
            dependencies: ["Reporting", "LoadMetrics", "Workload"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SimulatorTests",
            dependencies: ["Analytic", "ChatRouting", "LoadMetrics", "Simulator", "Workload"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ChatStormCLITests",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LoadEngineTests",
            dependencies: [
                "ChatRouting",
                "ChatServer",
                "ChatStormTesting",
                "LoadEngine",
                "LoadMetrics",
                "Workload",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ChatServerTests",
            dependencies: [
                "ChatClient",
                "ChatProtocol",
                "ChatRouting",
                "ChatServer",
                "ChatStormTesting",
                .product(name: "WSClient", package: "swift-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
