extension Profile {
    /// The profile with every region's arrival rate (`peakPerHour`) multiplied by `factor`: its traffic at another
    /// volume, curves, events, behaviour and agents as written (`--scale`). Throws naming the first region whose
    /// rate would pass the largest number a profile may hold (``ProfileLoader/largestNumber``).
    public func scalingArrivals(by factor: Double) throws(ArrivalScaleError) -> Profile {
        var scaled = self
        for index in scaled.regions.indices {
            scaled.regions[index].peakPerHour *= factor
            guard scaled.regions[index].peakPerHour <= ProfileLoader.largestNumber else {
                throw ArrivalScaleError(region: regions[index].name, factor: factor)
            }
        }
        return scaled
    }
}

/// A scale that takes a region's arrival rate past ``ProfileLoader/largestNumber``.
public struct ArrivalScaleError: Error, CustomStringConvertible {
    public var region: String
    public var factor: Double

    public var description: String {
        "\(factor) takes region \(region)'s peakPerHour past \(ProfileLoader.largestNumber)"
    }
}
