namespace TrafficOrleans.Routing.Weights;

/// <summary>
/// One value per forecast horizon: now, +10, +20 and +30 minutes (speeds in km/h, or travel times in seconds).
/// Indexed by <see cref="ForecastBuckets"/> bucket.
/// </summary>
public readonly record struct HorizonValues(float Now, float In10Min, float In20Min, float In30Min)
{
    /// <summary>The same value at every horizon.</summary>
    public static HorizonValues All(float value) => new(value, value, value, value);

    /// <summary>Value of bucket 0 (now) … 3 (+30 min).</summary>
    public float this[int bucket] => bucket switch
    {
        0 => Now,
        1 => In10Min,
        2 => In20Min,
        _ => In30Min,
    };

    /// <summary>The smallest of the four.</summary>
    public float Min => Math.Min(Math.Min(Now, In10Min), Math.Min(In20Min, In30Min));

    /// <summary>The largest of the four.</summary>
    public float Max => Math.Max(Math.Max(Now, In10Min), Math.Max(In20Min, In30Min));
}
