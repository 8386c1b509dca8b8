using System.ComponentModel.DataAnnotations;
using TrafficOrleans.Roads.Synthetic;

namespace TrafficOrleans.Ingest.Simulation;

/// <summary>City traffic simulator settings (section <c>Ingest:Simulator</c>).</summary>
public sealed class SimulatorOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Ingest:Simulator";

    /// <summary>Seed: the same seed and road set give the same traffic at every instant.</summary>
    public int Seed { get; set; } = 20251015;

    /// <summary>
    /// A saved HERE flow response whose roads to simulate (e.g. the Hanoi snapshot in shared data);
    /// when empty, the generated <see cref="City"/> is used.
    /// </summary>
    public string? RoadNetworkPath { get; set; }

    /// <summary>Shape of the generated city when no road network file is given.</summary>
    public SyntheticCityOptions City { get; set; } = new();

    /// <summary>How much faster than real time the simulator clock runs (1440 = a day per minute).</summary>
    [Range(0.001, 10_000_000)]
    public double SpeedUp { get; set; } = 1;

    /// <summary>Simulated time at start-up (at <see cref="ClockAnchor"/> when set); now when empty.</summary>
    public DateTimeOffset? StartAt { get; set; }

    /// <summary>
    /// When <see cref="StartAt"/> is empty, start at the tick after the newest stored reading if that is later than now:
    /// an accelerated run leaves history ahead of wall time, and the next run continues it instead of writing over it.
    /// </summary>
    public bool ContinueHistory { get; set; }

    /// <summary>
    /// Real instant at which the simulated clock reads <see cref="StartAt"/>; start-up when empty. Silos of a cluster
    /// share it so that whichever silo polls (the ingestion leader) simulates the same time after a failover.
    /// </summary>
    public DateTimeOffset? ClockAnchor { get; set; }

    /// <summary>Random incidents per hour over the whole network at ordinary daytime demand (more in rush hours).</summary>
    [Range(0, 10_000)]
    public double IncidentsPerHour { get; set; } = 6;

    /// <summary>Shortest incident.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "12:00:00")]
    public TimeSpan IncidentMinDuration { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>Longest incident.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "12:00:00")]
    public TimeSpan IncidentMaxDuration { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>How many roads upstream an incident spills back (0 = only its own road).</summary>
    [Range(0, 6)]
    public int SpreadHops { get; set; } = 2;

    /// <summary>How long the queue takes to reach the next road upstream.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan SpreadDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Overall amplitude of the deviations from the weekly profile: about the standard deviation of the speed ratio's
    /// deviation at ordinary daytime demand (×0.6 at night, up to ×1.6 at the peak of an arterial's rush hour), before
    /// incidents. The deviations persist for tens of minutes to hours (see <see cref="TrafficDeviation"/>); 0 = the
    /// bare profile.
    /// </summary>
    [Range(0, 0.5)]
    public double Noise { get; set; } = 0.05;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IncidentMinDuration > IncidentMaxDuration)
        {
            yield return new ValidationResult("IncidentMinDuration must not exceed IncidentMaxDuration.", [nameof(IncidentMinDuration)]);
        }

        if (!string.IsNullOrWhiteSpace(RoadNetworkPath) && !File.Exists(RoadNetworkPath))
        {
            yield return new ValidationResult($"RoadNetworkPath '{RoadNetworkPath}' does not exist.", [nameof(RoadNetworkPath)]);
        }

        var cityResults = new List<ValidationResult>();
        Validator.TryValidateObject(City, new ValidationContext(City), cityResults, validateAllProperties: true);
        foreach (var result in cityResults) yield return new ValidationResult($"City: {result.ErrorMessage}", result.MemberNames);
    }
}
