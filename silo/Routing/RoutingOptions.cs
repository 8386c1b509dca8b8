using System.ComponentModel.DataAnnotations;

namespace TrafficOrleans.Silo.Routing;

/// <summary>Live routing settings (section <c>Routing</c>; the map itself is chosen by <c>RoutingMapOptions</c>).</summary>
public sealed class RoutingOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Routing";

    /// <summary>
    /// The city this cluster routes: the key of the one <see cref="TrafficOrleans.GrainInterfaces.Grains.IRoutingGrain"/>,
    /// of its Redis snapshot (<c>graph:{city}:current</c>) and of its <c>route-updates</c> messages.
    /// </summary>
    [Required]
    [RegularExpression("^[a-z0-9_-]{1,64}$")]
    public string City { get; set; } = "hanoi";

    /// <summary>Run the route-graph consumer on this silo (off for hosts that must not read predictions).</summary>
    public bool ConsumerEnabled { get; set; } = true;

    /// <summary>Consumer group of the route-graph consumers (one member per silo).</summary>
    [Required]
    public string ConsumerGroup { get; set; } = "route-graph-group";

    /// <summary>A batch is applied when it holds this many predictions…</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>…or when its first prediction has waited this long, whichever comes first.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often each silo asks the routing grain whether its weights moved.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ReplicaPollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often each silo recomputes its search landmarks on the current weights.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LandmarkRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Farthest a query point may be from a routable road before it counts as outside the map.</summary>
    [Range(1, 100_000)]
    public double MaxSnapMeters { get; set; } = 500;
}
