/// Why the chat model could not be solved.
public struct ChatModelError: Error, CustomStringConvertible, Equatable {
    private enum Kind: Equatable {
        case tooManyStates(count: Int, limit: Int)
        case notConverged(iterations: Int, residual: Double, tolerance: Double)
    }

    private let kind: Kind
    /// The model that failed, as `N=…, K=…`.
    public let model: String

    /// The state space (compositions of N agents over loads 0 … K) is larger than the solver accepts.
    public static func tooManyStates(_ count: Int, limit: Int, model: String) -> ChatModelError {
        ChatModelError(kind: .tooManyStates(count: count, limit: limit), model: model)
    }

    /// The iterative solver stopped before its residual met the tolerance.
    public static func notConverged(
        iterations: Int,
        residual: Double,
        tolerance: Double,
        model: String
    ) -> ChatModelError {
        ChatModelError(
            kind: .notConverged(iterations: iterations, residual: residual, tolerance: tolerance),
            model: model
        )
    }

    public var description: String {
        switch kind {
        case .tooManyStates(let count, let limit):
            "chat model \(model): \(count) load states exceed the solver's limit of \(limit)"
        case .notConverged(let iterations, let residual, let tolerance):
            "chat model \(model): no convergence after \(iterations) iterations (residual \(residual), tolerance \(tolerance))"
        }
    }
}
