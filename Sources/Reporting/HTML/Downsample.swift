/// Thinning a long series for drawing: a 24-hour run has 86,400 rows, a chart needs at most ~1,500
/// points. Rows are cut into equal buckets and each bucket keeps its lowest and highest value (in
/// their order), so spikes and dips survive; a bucket without any value is a gap.
enum Downsample {
    /// The most points a line keeps.
    static let maximumPoints = 1_500

    /// Indices to draw of `values` (nil = no value), in order; `nil` entries in the result mark gaps.
    static func indices(_ values: [Double?], maximum: Int = maximumPoints) -> [Int?] {
        if values.count <= maximum {
            return values.indices.map { values[$0] == nil ? nil : $0 }
        }
        let buckets = Swift.max(1, maximum / 2)
        var result: [Int?] = []
        result.reserveCapacity(maximum)
        for bucket in 0..<buckets {
            let lower = bucket * values.count / buckets
            let upper = (bucket + 1) * values.count / buckets
            var low: Int?
            var high: Int?
            for index in lower..<upper {
                guard let value = values[index] else { continue }
                if low == nil || value < values[low!]! { low = index }
                if high == nil || value > values[high!]! { high = index }
            }
            guard let low, let high else {
                if result.last != nil { result.append(nil) }
                continue
            }
            if low == high {
                result.append(low)
            } else {
                result.append(Swift.min(low, high))
                result.append(Swift.max(low, high))
            }
        }
        return result
    }
}
