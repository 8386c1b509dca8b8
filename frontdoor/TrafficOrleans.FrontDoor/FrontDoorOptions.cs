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

    /// <summary>
    /// How long a probe may take. Longer than the interval on purpose: a dead silo refuses the connection at once, so
    /// this does not delay noticing a crash, while a live silo on a loaded machine (chaos.sh at load average 90) took
    /// over a second to answer, and with a 1-second timeout every silo went out at once and YARP's panic mode sent
    /// requests to the dead one too (502s 10–17 s after the kill).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan HealthTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a silo passive checks took out (failed proxied requests) stays out before it is tried again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ReactivationPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The silo base URLs, parsed.</summary>
    public IReadOnlyList<Uri> SiloUris() =>
        Silos.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => new Uri(s)).ToList();
}
