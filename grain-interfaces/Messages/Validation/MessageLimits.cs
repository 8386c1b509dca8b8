namespace TrafficOrleans.GrainInterfaces.Messages.Validation;

/// <summary>
/// What a sensible reading or prediction looks like (section <c>Validation</c>): the one definition used by
/// ingest, the <c>traffic-raw</c> stream decoder and the consumers of <c>traffic-predictions</c>.
/// </summary>
public sealed class MessageLimits
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Validation";

    /// <summary>Speeds above this (km/h) are not physical for city roads.</summary>
    public double MaxSpeedKmh { get; set; } = 200;

    /// <summary>HERE's jam factor scale ends at 10.</summary>
    public double MaxJamFactor { get; set; } = 10;

    /// <summary>Earliest accepted timestamp; older ones are corrupt (1970, year 1) and break day partitions.</summary>
    public DateTimeOffset EarliestTimestamp { get; set; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Latest accepted timestamp, whatever the clock says (year 9999 breaks day partitions).</summary>
    public DateTimeOffset LatestTimestamp { get; set; } = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// How far ahead of the consumer's clock a timestamp may be; null turns the check off (a silo whose own
    /// simulator or replay runs faster than real time does so, its readings are legitimately ahead).
    /// </summary>
    public TimeSpan? MaxAheadOfNow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Longest road id (ids are stream keys, Redis keys and primary keys).</summary>
    public int MaxRoadIdLength { get; set; } = 128;

    /// <summary>Longest road name.</summary>
    public int MaxRoadNameLength { get; set; } = 512;

    /// <summary>What to do with a reading of a road that is not in the silo's road network.</summary>
    public UnknownRoadPolicy UnknownRoads { get; set; } = UnknownRoadPolicy.Accept;
}
