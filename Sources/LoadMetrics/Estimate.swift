/// A mean over independent replications with its 95 % confidence interval (Student t).
public struct Estimate: Sendable, Equatable, Codable {
    public var mean: Double
    /// Standard error of the mean: sample standard deviation / √n (0 for fewer than two values).
    public var standardError: Double
    /// Half the width of the 95 % confidence interval: t(0.975, n − 1) × standard error.
    public var halfWidth: Double
    public var values: [Double]

    public init(_ values: [Double]) {
        self.values = values
        let n = Double(values.count)
        mean = values.isEmpty ? 0 : values.reduce(0, +) / n
        guard values.count > 1 else {
            standardError = 0
            halfWidth = 0
            return
        }
        let m = mean
        let variance = values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)
        standardError = (variance / n).squareRoot()
        halfWidth = StudentT.quantile975(degreesOfFreedom: values.count - 1) * standardError
    }

    public var lower: Double { mean - halfWidth }
    public var upper: Double { mean + halfWidth }
}
