using System.Runtime.CompilerServices;
using System.Text.Json;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Ingest.Preprocessing;
using TrafficOrleans.Ingest.Time;
using TrafficOrleans.Roads;
using TrafficOrleans.Roads.Here;
using TrafficOrleans.Roads.Synthetic;

namespace TrafficOrleans.Ingest.Simulation;

/// <summary>
/// Simulated city traffic through the same preprocessing as real data. Polls are computed, not replayed,
/// so back-filling weeks is a tight loop; <see cref="Clock"/> may run faster than real time.
/// </summary>
public sealed class SimulatorTrafficSource : ITrafficSource
{
    private readonly ReadingPreprocessor _preprocessor;
    private readonly Coordinates[] _points;

    /// <summary>Wraps a model; <paramref name="clock"/> is the simulated clock.</summary>
    public SimulatorTrafficSource(CityTrafficModel model, ReadingPreprocessor preprocessor, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        _preprocessor = preprocessor;
        Clock = clock;
        _points = [.. model.Roads.Select(RoadPoints.Midpoint)];
    }

    /// <summary>The simulated city (e.g. to script incidents).</summary>
    public CityTrafficModel Model { get; }

    /// <inheritdoc />
    public string Name => "simulator";

    /// <inheritdoc />
    public TimeProvider Clock { get; }

    /// <inheritdoc />
    public RoadAdjacency? Adjacency => Model.Adjacency;

    /// <inheritdoc />
    public bool CanReadRange => true;

    /// <summary>
    /// Builds the simulator from options: roads from <see cref="SimulatorOptions.RoadNetworkPath"/> or the
    /// synthetic city, clock accelerated by <see cref="SimulatorOptions.SpeedUp"/> from <paramref name="startAt"/>, else
    /// <see cref="SimulatorOptions.StartAt"/>.
    /// </summary>
    public static SimulatorTrafficSource Create(
        SimulatorOptions options, ReadingPreprocessor preprocessor, TimeProvider? realClock = null, DateTimeOffset? startAt = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(preprocessor);
        var model = new CityTrafficModel(LoadRoads(options), options, preprocessor.CityTime);
        var real = realClock ?? TimeProvider.System;
        var start = startAt ?? options.StartAt;
        var clock = options.SpeedUp == 1 && start is null ? real : new AcceleratedTimeProvider(real, options.SpeedUp, start, options.ClockAnchor);
        return new SimulatorTrafficSource(model, preprocessor, clock);
    }

    /// <summary>The road set the options name: a saved HERE response, else the synthetic city.</summary>
    public static IReadOnlyList<RoadSegment> LoadRoads(SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.RoadNetworkPath)
            ? SyntheticCity.Generate(options.City)
            : HereRoadNetwork.ToSegments(HereRoadNetwork.ReadResponse(options.RoadNetworkPath));
    }

    /// <inheritdoc />
    public Task<TrafficBatch> PollAsync(DateTimeOffset observedAt, CancellationToken cancellationToken) =>
        Task.FromResult(Generate(observedAt));

    /// <inheritdoc />
    public async IAsyncEnumerable<TrafficBatch> ReadRangeAsync(
        DateTimeOffset from, DateTimeOffset to, TimeSpan interval, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        for (var tick = from; tick < to; tick += interval)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Generate(tick);
            // Computing is synchronous; yield so a long back-fill does not monopolise the caller's thread.
            await Task.Yield();
        }
    }

    private TrafficBatch Generate(DateTimeOffset observedAt)
    {
        var roads = Model.Roads;
        var speeds = new double[roads.Count];
        Model.SpeedsAt(observedAt, speeds);
        var batch = _preprocessor.CreateBatch(Name, observedAt, roads.Count);
        for (var i = 0; i < roads.Count; i++)
        {
            var raw = new RawReading(roads[i].RoadId, roads[i].RoadName, observedAt, speeds[i], Model.FreeFlowKmh[i], null, false, _points[i]);
            batch.Add(raw, raw, static r => JsonSerializer.Serialize(r));
        }

        return batch.Build();
    }
}
