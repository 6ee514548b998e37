#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard normal and exponential draws by Marsaglia and Tsang's ziggurat method ("The Ziggurat Method for
/// Generating Random Variables", J. Stat. Softw. 5(8), 2000), with 256 layers.
///
/// The density is covered by 256 horizontal layers of equal area: the bottom one a rectangle plus the tail, the
/// others rectangles whose right part pokes out of the curve. One 64-bit draw picks a layer (8 bits) and a point in
/// it (53 bits); about 99 % of points fall inside the part of the layer below the curve and are returned at the cost
/// of a multiply and a compare. Box–Muller, which this replaced, takes a logarithm, a square root and a cosine for
/// every normal, and inversion a logarithm for every exponential: the simulator draws a few of these per message,
/// and perf had them at about 8 % of a simulated day. (Hand-written: the Swift standard library has uniform draws
/// only, and none of the project's dependencies offers these distributions.)
public enum Ziggurat {
    /// A standard normal draw (mean 0, standard deviation 1).
    public static func normal(using rng: inout some RandomNumberGenerator) -> Double {
        let layers = normalTable.layers
        while true {
            let bits = rng.next()
            let layer = Int(truncatingIfNeeded: bits & 0xFF)
            // The top 53 bits as a signed fraction in [-1, 1); the layer came from the low 8.
            let u = Double(Int64(bitPattern: bits) >> 11) * 0x1p-52
            let x = u * layers[layer].x
            if abs(u) < layers[layer].ratio { return x }
            if layer == 0 { return normalTail(negative: u < 0, using: &rng) }
            let y = layers[layer].f + rng.nextUnit() * (layers[layer + 1].f - layers[layer].f)
            if y < exp(-0.5 * x * x) { return x }
        }
    }

    /// A standard exponential draw (mean 1).
    public static func exponential(using rng: inout some RandomNumberGenerator) -> Double {
        let layers = exponentialTable.layers
        while true {
            let bits = rng.next()
            let layer = Int(truncatingIfNeeded: bits & 0xFF)
            let u = Double(bits >> 11) * 0x1p-53
            let x = u * layers[layer].x
            if u < layers[layer].ratio { return x }
            // The tail beyond r is r plus a standard exponential (memorylessness).
            if layer == 0 { return exponentialR - log(1 - rng.nextUnit()) }
            let y = layers[layer].f + rng.nextUnit() * (layers[layer + 1].f - layers[layer].f)
            if y < exp(-x) { return x }
        }
    }

    /// The normal's tail beyond r: Marsaglia's method (draw a = Exp(1)/r and b = Exp(1) until 2b > a², return r + a).
    static func normalTail(negative: Bool, using rng: inout some RandomNumberGenerator) -> Double {
        while true {
            let a = -log(1 - rng.nextUnit()) / normalR
            let b = -log(1 - rng.nextUnit())
            if b + b > a * a { return negative ? -(normalR + a) : normalR + a }
        }
    }

    /// One layer: `x` its right edge (the base layer's virtual width, area ÷ f(r), for layer 0; r for layer 1; 0 for
    /// the top, 256), `ratio` = the next layer's edge ÷ `x` (points below it are inside the curve), `f` = f(x).
    struct Layer {
        var x: Double
        var ratio: Double
        var f: Double
    }

    /// The 257 layer edges of one density, allocated once and never freed (a pointer, so that a draw retains
    /// nothing).
    struct Table: @unchecked Sendable {
        let layers: UnsafePointer<Layer>

        /// Layers of area `area` under the decreasing density `f` from `r`, each next edge solving
        /// `f(x[i + 1]) = area / x[i] + f(x[i])`.
        init(r: Double, area: Double, f: (Double) -> Double, inverse: (Double) -> Double) {
            var x = [area / f(r), r]
            for i in 1..<255 { x.append(inverse(area / x[i] + f(x[i]))) }
            x.append(0)
            let layers = UnsafeMutablePointer<Layer>.allocate(capacity: 257)
            for i in 0...256 {
                layers[i] = Layer(x: x[i], ratio: i < 256 ? x[i + 1] / x[i] : 0, f: f(x[i]))
            }
            self.layers = UnsafePointer(layers)
        }
    }

    /// Where the normal's base layer ends and its tail starts, and the layers' area, for 256 layers (Marsaglia and
    /// Tsang list the 128-layer values; with these the recurrence closes at the top layer).
    static let normalR = 3.654_152_885_361_008_8
    static let normalArea = 0.004_928_673_233_99
    static let exponentialR = 7.697_117_470_131_049_72
    static let exponentialArea = 0.003_949_659_822_581_557_199_3

    static let normalTable = Table(
        r: normalR,
        area: normalArea,
        f: { exp(-0.5 * $0 * $0) },
        inverse: { (-2 * log($0)).squareRoot() }
    )
    static let exponentialTable = Table(
        r: exponentialR,
        area: exponentialArea,
        f: { exp(-$0) },
        inverse: { -log($0) }
    )
}
