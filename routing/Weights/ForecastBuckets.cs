namespace TrafficOrleans.Routing.Weights;

/// <summary>
/// Which speed an edge gets when a vehicle enters it <c>t</c> minutes after the weights' time: the current
/// speed for t &lt; 5, then the forecast whose horizon is nearest — +10 for [5, 15), +20 for [15, 25),
/// +30 for t ≥ 25 (nothing further ahead is known). Bucket boundaries sit half-way between horizons so each
/// forecast is used where it is the closest estimate.
/// </summary>
public static class ForecastBuckets
{
    /// <summary>Number of buckets (now, +10, +20, +30).</summary>
    public const int Count = 4;

    /// <summary>Bucket index 0 … 3 for an entry time in minutes after the weights' time.</summary>
    public static int BucketOf(double minutesAfterNow) => minutesAfterNow switch
    {
        < 5 => 0,
        < 15 => 1,
        < 25 => 2,
        _ => 3,
    };
}
