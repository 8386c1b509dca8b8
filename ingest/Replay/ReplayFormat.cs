namespace TrafficOrleans.Ingest.Replay;

/// <summary>Shape of a recorded dataset.</summary>
public enum ReplayFormat
{
    /// <summary>One reading per line: <c>road_id,timestamp,speed[,free_flow_speed,jam_factor,road_name]</c>.</summary>
    LongCsv = 0,

    /// <summary>
    /// Benchmark matrix (METR-LA/PEMS-BAY style): a header of sensor ids, then one row of speeds per interval;
    /// an optional leading label column (e.g. the original timestamps) is ignored.
    /// </summary>
    MatrixCsv = 1,
}
