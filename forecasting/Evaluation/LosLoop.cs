using TrafficOrleans.Ingest.Replay;

namespace TrafficOrleans.Forecasting.Evaluation;

/// <summary>Replay settings of the Los-loop benchmark (see ../shared/data/los-loop/NOTICE.md).</summary>
public static class LosLoop
{
    /// <summary>First row's time: 2012-03-01 00:00 local (UTC−08:00).</summary>
    public static readonly DateTimeOffset Start = new(2012, 3, 1, 0, 0, 0, TimeSpan.FromHours(-8));

    /// <summary>
    /// Matrix CSV, zeros = missing (a loop detector reports 0 when it has no data), speeds kept in the file's unit
    /// (mph) so figures compare with published tables.
    /// </summary>
    public static ReplayOptions Options(string speedsPath, string adjacencyPath) => new()
    {
        Path = speedsPath,
        AdjacencyPath = adjacencyPath,
        Format = ReplayFormat.MatrixCsv,
        StartTime = Start,
        ZeroSpeedIsMissing = true,
    };
}
