using System.ComponentModel.DataAnnotations;

namespace TrafficOrleans.FrontDoor;

/// <summary>The <c>FrontDoor</c> configuration section: which silos to spread traffic over and how to watch them.</summary>
public sealed class FrontDoorOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "FrontDoor";

    /// <summary>Base URLs of the silos' HTTP endpoints, comma-separated (e.g. <c>http://127.0.0.1:8081,http://127.0.0.1:8082</c>).</summary>
    [Required] public string Silos { get; set; } = string.Empty;

    /// <summary>How often each silo's <c>/health/ready</c> is probed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan HealthInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a silo passive checks took out (failed proxied requests) stays out before it is tried again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ReactivationPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The silo base URLs, parsed.</summary>
    public IReadOnlyList<Uri> SiloUris() =>
        Silos.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => new Uri(s)).ToList();
}
