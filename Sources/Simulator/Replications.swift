import Dispatch
import Foundation
public import LoadMetrics
import Synchronization
import Workload

/// Independent replications of one simulation: the same profile with seeds split from one seed, each run on
/// its own, their key figures summarised with 95 % confidence intervals.
public struct Replications: Sendable {
    /// Every replication's result, in seed order.
    public var results: [RunResult]
    /// The seeds used, one per replication run.
    public var seeds: [UInt64]

    /// The `count` seeds of replications of `seed`: the seed itself (so one replication is the plain run),
    /// then independent streams split off it.
    public static func seeds(from seed: UInt64, count: Int) -> [UInt64] {
        let root = SeededGenerator(seed: seed).split(0x5245_504C)
        return (0..<count).map { index in
            guard index > 0 else { return seed }
            var stream = root.split(UInt64(index))
            return stream.next()
        }
    }

    /// Runs `count` replications of `configuration` (its seed split into `count` seeds), as many at once as the
    /// machine has cores: each replication is one single-threaded simulation (its recorder in line when the
    /// replications fill the cores, on a second thread otherwise), so they run side by side and the
    /// results do not depend on how many ran together.
    /// - Parameters:
    ///   - parallel: most replications at once (nil: the active processor count).
    ///   - control: hears every replication's progress; a stop it requests ends the replications running (their
    ///     results are marked incomplete) and starts no more: `results` then holds fewer than `count`.
    ///   - keepingResults: keep every replication's result in ``results`` (false: `each` takes what it needs, and
    ///     ``results`` stays empty; a result with many breakdowns holds hundreds of megabytes of histograms).
    ///   - each: called with each replication's output in index order (its index, the output), on the calling
    ///     thread; only one batch of outputs is held at a time.
    public static func run(
        _ configuration: SimulationConfiguration,
        count: Int,
        parallel: Int? = nil,
        control: SimulationControl? = nil,
        keepingResults: Bool = true,
        each: (Int, Simulation.Output) throws -> Void = { _, _ in }
    ) throws -> Replications {
        let seeds = seeds(from: configuration.seed, count: count)
        let width = max(1, parallel ?? ProcessInfo.processInfo.activeProcessorCount)
        var results: [RunResult] = []
        var ran = 0
        var start = 0
        while start < seeds.count, control?.isStopRequested != true {
            let batch = Array(seeds[start..<min(start + width, seeds.count)])
            let outputs = Mutex([Result<Simulation.Output, any Error>?](repeating: nil, count: batch.count))
            // A replication records on a second thread only where that thread has a core to itself.
            let recorderThread = batch.count * 2 <= ProcessInfo.processInfo.activeProcessorCount
            DispatchQueue.concurrentPerform(iterations: batch.count) { offset in
                var replication = configuration
                replication.seed = batch[offset]
                let output = Result { () throws -> Simulation.Output in
                    var simulation = try Simulation(configuration: replication)
                    return simulation.run(control: control, recorderThread: recorderThread)
                }
                outputs.withLock { $0[offset] = output }
            }
            for (offset, output) in outputs.withLock({ $0 }).enumerated() {
                let output = try output!.get()
                try each(start + offset, output)
                if keepingResults { results.append(output.result) }
                ran += 1
            }
            start += batch.count
        }
        return Replications(results: results, seeds: Array(seeds.prefix(ran)))
    }

    /// Each key figure's mean and confidence interval over the replications (cut to the figure's possible
    /// values), in report order.
    public var estimates: [(name: String, estimate: Estimate)] {
        let figures = results.map { KeyFigures($0).named }
        guard let first = figures.first else { return [] }
        return first.indices.map { index in
            (first[index].name, Estimate(figures.map { $0[index].value }, possible: first[index].possible))
        }
    }

    /// All replications merged into one result (counts and histograms add; see `RunResult.merge`).
    public var merged: RunResult? {
        guard var merged = results.first else { return nil }
        for result in results.dropFirst() { merged.merge(result) }
        return merged
    }
}
