namespace TrafficOrleans.Ingest.Replay;

/// <summary>Unit of the speeds in a recorded dataset; readings are always emitted in km/h.</summary>
public enum SpeedUnit
{
    /// <summary>Kilometres per hour.</summary>
    Kmh = 0,

    /// <summary>Miles per hour (METR-LA, PEMS-BAY).</summary>
    Mph = 1,

    /// <summary>Metres per second (HERE).</summary>
    MetersPerSecond = 2,
}
