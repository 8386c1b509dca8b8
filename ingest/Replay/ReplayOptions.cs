using System.ComponentModel.DataAnnotations;

namespace TrafficOrleans.Ingest.Replay;

/// <summary>Replay of a recorded dataset (section <c>Ingest:Replay</c>).</summary>
public sealed class ReplayOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Ingest:Replay";

    /// <summary>The CSV file to replay (required when <c>Ingest:Source</c> is Replay).</summary>
    public string? Path { get; set; }

    /// <summary>LongCsv (one reading per line) or MatrixCsv (benchmark wide format).</summary>
    public ReplayFormat Format { get; set; } = ReplayFormat.LongCsv;

    /// <summary>Unit of the speeds in the file.</summary>
    public SpeedUnit SpeedUnit { get; set; } = SpeedUnit.Kmh;

    /// <summary>Matrix only: time of the first row (required for Matrix). Long CSV timestamps without offset are local city time.</summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>Matrix: time between rows. Long: the window one poll returns (readings in (tick − interval, tick]).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RowInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Matrix only: optional adjacency CSV (N×N weights with optional header, or a <c>from,to[,…]</c> edge list).</summary>
    public string? AdjacencyPath { get; set; }

    /// <summary>Matrix only: prefix turning a sensor id into a road id.</summary>
    [Required]
    public string RoadIdPrefix { get; set; } = "sensor_";

    /// <summary>Treat a speed of exactly 0 as missing (METR-LA and PEMS-BAY encode dropouts as 0).</summary>
    public bool ZeroSpeedIsMissing { get; set; }

    /// <summary>When the file has no free-flow speed: this percentile of each road's observed speeds.</summary>
    [Range(0.5, 1.0)]
    public double FreeFlowPercentile { get; set; } = 0.85;

    /// <summary>How much faster than the recording the replay clock runs.</summary>
    [Range(0.001, 10_000_000)]
    public double SpeedUp { get; set; } = 1;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Path) && !File.Exists(Path)) yield return new ValidationResult($"Replay file '{Path}' does not exist.", [nameof(Path)]);
        if (!string.IsNullOrWhiteSpace(AdjacencyPath) && !File.Exists(AdjacencyPath)) yield return new ValidationResult($"Adjacency file '{AdjacencyPath}' does not exist.", [nameof(AdjacencyPath)]);
        if (Format == ReplayFormat.MatrixCsv && !string.IsNullOrWhiteSpace(Path) && StartTime is null)
        {
            yield return new ValidationResult("A matrix replay needs StartTime (the time of its first row).", [nameof(StartTime)]);
        }
    }
}
