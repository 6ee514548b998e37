/// A mean over independent replications with its 95 % confidence interval (Student t), cut to the values the
/// quantity can take (a share's interval does not reach below 0 or above 1; with few replications it would).
public struct Estimate: Sendable, Equatable, Codable {
    public private(set) var mean: Double
    /// Standard error of the mean: sample standard deviation / √n (0 for fewer than two values).
    public private(set) var standardError: Double
    /// Half the width of the Student t interval: t(0.975, n − 1) × standard error.
    public private(set) var halfWidth: Double
    public private(set) var values: [Double]
    /// The interval's ends: mean ∓ half-width, within the quantity's possible values (as they are when the mean
    /// itself is not a possible value, e.g. NaN: nothing is hidden).
    public private(set) var lower: Double
    public private(set) var upper: Double

    /// - Parameters:
    ///   - values: one value per replication.
    ///   - possible: the values the quantity can take (`0...1` for a share, `0...Double.infinity` for a wait).
    public init(_ values: [Double], possible: ClosedRange<Double> = -Double.infinity...Double.infinity) {
        self.values = values
        let n = Double(values.count)
        mean = values.isEmpty ? 0 : values.reduce(0, +) / n
        if values.count > 1 {
            let m = mean
            let variance = values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)
            standardError = (variance / n).squareRoot()
            halfWidth = StudentT.quantile975(degreesOfFreedom: values.count - 1) * standardError
        } else {
            standardError = 0
            halfWidth = 0
        }
        lower = mean - halfWidth
        upper = mean + halfWidth
        if possible.contains(mean) {
            lower = max(possible.lowerBound, lower)
            upper = min(possible.upperBound, upper)
        }
    }
}
