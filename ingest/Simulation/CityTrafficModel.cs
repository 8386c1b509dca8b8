using TrafficOrleans.Ingest.Preprocessing;
using TrafficOrleans.Roads;

namespace TrafficOrleans.Ingest.Simulation;

/// <summary>
/// The simulated city: speed of every road at any instant as a pure function of (seed, road, time) —
/// free-flow speed by road, demand by local time and road class (the weekly profile), persistent deviations from
/// that profile (<see cref="TrafficDeviation"/>: city-wide, district and per-road smooth noise plus a little
/// jitter, larger when demand is high), and incidents that spill back upstream. Nothing depends on the order or number of earlier calls, so any tick can be computed on
/// its own (back-fill of weeks, re-polls giving identical readings). Thread-safe.
/// </summary>
public sealed class CityTrafficModel
{
    private const double IncidentAttenuationPerHop = 0.6;

    // Deviations grow with congestion: near capacity, a small change in demand moves speeds a lot, while empty
    // night streets run at free flow whatever happens. Scale = QuietDeviation + CongestedDeviation × rush-hour dip,
    // i.e. about 0.6 at night, 0.8 at midday and 1.5–1.6 at the peak of an arterial's rush hour.
    private const double QuietDeviation = 0.6;
    private const double CongestedDeviation = 1.5;

    private readonly SimulatorOptions _options;
    private readonly CityTime _cityTime;
    private readonly ulong _seed;
    private readonly ulong[] _roadKeys;
    private readonly double[] _susceptibility;
    private readonly double[] _sensitivity;
    private readonly int[][] _feeders;
    private readonly Dictionary<string, int> _index;
    private readonly TrafficDeviation _deviation;
    private readonly TimeSpan _lookback;
    private readonly Lock _scriptedLock = new();
    private Incident[] _scripted = [];

    /// <summary>Builds the model of <paramref name="roads"/>; feeders come from shared endpoints.</summary>
    public CityTrafficModel(IReadOnlyList<RoadSegment> roads, SimulatorOptions options, CityTime cityTime)
    {
        ArgumentNullException.ThrowIfNull(roads);
        ArgumentNullException.ThrowIfNull(options);
        if (roads.Count == 0) throw new ArgumentException("The simulator needs at least one road.", nameof(roads));
        Roads = roads;
        _options = options;
        _cityTime = cityTime;
        _seed = StableHash.Mix((ulong)options.Seed);
        Adjacency = RoadAdjacency.FromSegments(roads);
        _index = new Dictionary<string, int>(roads.Count, StringComparer.Ordinal);
        for (var i = 0; i < roads.Count; i++) _index.TryAdd(roads[i].RoadId, i);

        _roadKeys = new ulong[roads.Count];
        _susceptibility = new double[roads.Count];
        _sensitivity = new double[roads.Count];
        _feeders = new int[roads.Count][];
        var freeFlow = new double[roads.Count];
        for (var i = 0; i < roads.Count; i++)
        {
            _roadKeys[i] = StableHash.Of(roads[i].RoadId);
            _susceptibility[i] = 0.75 + 0.5 * StableHash.Unit(StableHash.Combine(_seed, _roadKeys[i], 1));
            _sensitivity[i] = RoadClasses.RushHourSensitivity(roads[i].FunctionalClass);
            _feeders[i] = [.. Adjacency.FeedersOf(roads[i].RoadId).Select(id => _index[id])];
            freeFlow[i] = roads[i].FreeFlowSpeedKmh > 0 ? roads[i].FreeFlowSpeedKmh : RoadClasses.TypicalFreeFlowKmh(roads[i].FunctionalClass);
        }

        FreeFlowKmh = freeFlow;
        _deviation = new TrafficDeviation(_seed, roads, _roadKeys);
        _lookback = options.IncidentMaxDuration + options.SpreadDelay * options.SpreadHops;
    }

    /// <summary>The simulated roads, in the order of the speed arrays.</summary>
    public IReadOnlyList<RoadSegment> Roads { get; }

    /// <summary>Which roads feed into which.</summary>
    public RoadAdjacency Adjacency { get; }

    /// <summary>Free-flow speed of each road in km/h (from the road set, else typical for its class).</summary>
    public IReadOnlyList<double> FreeFlowKmh { get; }

    /// <summary>Index of a road in <see cref="Roads"/>, or -1.</summary>
    public int IndexOf(string roadId) => _index.GetValueOrDefault(roadId, -1);

    /// <summary>Adds a scripted incident (demos, tests) on top of the random ones.</summary>
    public void AddIncident(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (IndexOf(incident.RoadId) < 0) throw new ArgumentException($"Unknown road '{incident.RoadId}'.", nameof(incident));
        lock (_scriptedLock) _scripted = [.. _scripted, incident];
    }

    /// <summary>Random and scripted incidents that affect some road at <paramref name="instant"/>.</summary>
    public IReadOnlyList<Incident> IncidentsAffecting(DateTimeOffset instant)
    {
        var found = new List<Incident>();
        foreach (var incident in Volatile.Read(ref _scripted)) AddIfAffecting(found, incident, instant);

        if (_options.IncidentsPerHour <= 0) return found;
        var firstMinute = (instant - _lookback).ToUnixTimeSeconds() / 60;
        var lastMinute = instant.ToUnixTimeSeconds() / 60;
        for (var minute = firstMinute; minute <= lastMinute; minute++)
        {
            foreach (var incident in RandomIncidentsStartingIn(minute)) AddIfAffecting(found, incident, instant);
        }

        return found;
    }

    /// <summary>Speed ratio of road <paramref name="road"/> from demand and noise alone (no incidents).</summary>
    public double BaselineRatio(int road, DateTimeOffset instant) =>
        BaselineRatio(road, instant, DemandProfile.Depth(_cityTime.ToLocal(instant)));

    /// <summary>
    /// The weekly profile of road <paramref name="road"/>: its speed ratio from demand alone, what
    /// <see cref="BaselineRatio(int, DateTimeOffset)"/> deviates from.
    /// </summary>
    public double ProfileRatio(int road, DateTimeOffset instant) =>
        1 - RushHourDip(road, DemandProfile.Depth(_cityTime.ToLocal(instant)));

    /// <summary>Fills <paramref name="speedsKmh"/> (one per road) with the speeds at <paramref name="instant"/>.</summary>
    public void SpeedsAt(DateTimeOffset instant, Span<double> speedsKmh)
    {
        if (speedsKmh.Length != Roads.Count) throw new ArgumentException("One speed per road.", nameof(speedsKmh));
        var depth = DemandProfile.Depth(_cityTime.ToLocal(instant));
        Span<double> factor = Roads.Count <= 4096 ? stackalloc double[Roads.Count] : new double[Roads.Count];
        factor.Fill(1);
        foreach (var incident in IncidentsAffecting(instant)) ApplyIncident(incident, instant, factor);

        for (var i = 0; i < speedsKmh.Length; i++)
        {
            var ratio = Math.Clamp(BaselineRatio(i, instant, depth), 0.08, 1.05) * factor[i];
            speedsKmh[i] = Math.Max(FreeFlowKmh[i] * ratio, 1.0);
        }
    }

    private double BaselineRatio(int road, DateTimeOffset instant, double depth)
    {
        var dip = RushHourDip(road, depth);
        var scale = QuietDeviation + (CongestedDeviation * dip);
        return 1 - dip + (_options.Noise * scale * _deviation.At(road, instant.ToUnixTimeSeconds()));
    }

    private double RushHourDip(int road, double depth) => depth * _sensitivity[road] * _susceptibility[road];

    /// <summary>Multiplies the speed factor of the origin and of the roads up to SpreadHops upstream.</summary>
    private void ApplyIncident(Incident incident, DateTimeOffset instant, Span<double> factor)
    {
        var origin = IndexOf(incident.RoadId);
        var visited = new HashSet<int> { origin };
        var frontier = new List<int> { origin };
        for (var hop = 0; hop <= _options.SpreadHops && frontier.Count > 0; hop++)
        {
            var intensity = Intensity(instant - incident.Start - _options.SpreadDelay * hop, incident.Duration);
            var reduction = incident.Severity * Math.Pow(IncidentAttenuationPerHop, hop) * intensity;
            var next = new List<int>();
            foreach (var road in frontier)
            {
                factor[road] *= 1 - reduction;
                foreach (var feeder in _feeders[road])
                {
                    if (visited.Add(feeder)) next.Add(feeder);
                }
            }

            frontier = next;
        }
    }

    /// <summary>0 before and after; ramps up over 5 minutes, holds, eases off over the last 40%.</summary>
    private static double Intensity(TimeSpan sinceStart, TimeSpan duration)
    {
        if (sinceStart < TimeSpan.Zero || sinceStart >= duration) return 0;
        var rampUp = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(5).Ticks, duration.Ticks / 5));
        if (sinceStart < rampUp) return sinceStart / rampUp;
        var clearing = duration * 0.6;
        return sinceStart < clearing ? 1 : (duration - sinceStart) / (duration - clearing);
    }

    private void AddIfAffecting(List<Incident> found, Incident incident, DateTimeOffset instant)
    {
        var end = incident.Start + incident.Duration + _options.SpreadDelay * _options.SpreadHops;
        if (instant >= incident.Start && instant < end) found.Add(incident);
    }

    /// <summary>The random incidents of one minute: Poisson, more likely when demand is high.</summary>
    private List<Incident> RandomIncidentsStartingIn(long unixMinute)
    {
        var incidents = new List<Incident>();
        var minuteStart = DateTimeOffset.FromUnixTimeSeconds(unixMinute * 60);
        var demand = DemandProfile.Depth(_cityTime.ToLocal(minuteStart));
        var expected = _options.IncidentsPerHour / 60 * (0.4 + 3 * demand);
        var state = StableHash.Combine(_seed, (ulong)unixMinute, 4);
        var threshold = Math.Exp(-expected);
        var product = Next(ref state);
        var span = _options.IncidentMaxDuration - _options.IncidentMinDuration;
        while (product > threshold)
        {
            var road = (int)(Next(ref state) * Roads.Count);
            var start = minuteStart + TimeSpan.FromSeconds(Math.Floor(Next(ref state) * 60));
            var duration = _options.IncidentMinDuration + span * Next(ref state);
            var severity = 0.55 + 0.35 * Next(ref state);
            incidents.Add(new Incident(Roads[road].RoadId, start, duration, severity));
            product *= Next(ref state);
        }

        return incidents;
    }

    private static double Next(ref ulong state)
    {
        state = StableHash.Mix(state);
        return StableHash.Unit(state);
    }
}
