using System.ComponentModel.DataAnnotations;

namespace TrafficOrleans.Ingest;

/// <summary>Ingestion settings shared by every source (configuration section <c>Ingest</c>).</summary>
public sealed class IngestOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Ingest";

    /// <summary>Whether the host runs the ingestion scheduler (<c>Ingest:Enabled</c>); true by default.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Which source to use; <see cref="TrafficSourceKind.Auto"/> by default.</summary>
    public TrafficSourceKind Source { get; set; } = TrafficSourceKind.Auto;

    /// <summary>Time between polls; 5 minutes by default.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>IANA time zone of the city, for rush hours; Asia/Ho_Chi_Minh (UTC+7) by default.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";
}
