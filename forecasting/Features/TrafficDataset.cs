using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Forecasting.Features;

/// <summary>
/// Readings of many roads aligned on one 5-minute grid (step 0 = <see cref="Start"/>), plus the per-step mean speed
/// ratio of each road's neighbours. The training pipeline, the baselines and the feature builders all index this grid.
/// </summary>
public sealed class TrafficDataset
{
    private readonly Dictionary<string, int> _index;

    internal TrafficDataset(DateTimeOffset start, int length, List<RoadSeries> roads)
    {
        Start = start;
        Length = length;
        Roads = roads;
        _index = new Dictionary<string, int>(roads.Count, StringComparer.Ordinal);
        for (var i = 0; i < roads.Count; i++)
        {
            _index[roads[i].RoadId] = i;
        }
    }

    /// <summary>UTC time of step 0.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Number of steps.</summary>
    public int Length { get; }

    /// <summary>The roads, in a stable (ordinal id) order.</summary>
    public IReadOnlyList<RoadSeries> Roads { get; }

    /// <summary>UTC time of a step.</summary>
    public DateTimeOffset TimeAt(int step) => Start + (step * ForecastHorizons.Step);

    /// <summary>The road with this id, or null.</summary>
    public RoadSeries? Find(string roadId) => _index.TryGetValue(roadId, out var i) ? Roads[i] : null;

    /// <summary>
    /// Builds the grid from raw readings (any order; a later reading in the same 5-minute slot replaces an earlier one)
    /// and an optional adjacency (road id → neighbouring road ids, e.g. upstream and downstream segments).
    /// </summary>
    public static TrafficDataset FromReadings(
        IEnumerable<TrafficReading> readings,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? adjacency = null)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var byRoad = new Dictionary<string, List<TrafficReading>>(StringComparer.Ordinal);
        var min = DateTimeOffset.MaxValue;
        var max = DateTimeOffset.MinValue;
        foreach (var r in readings)
        {
            if (!byRoad.TryGetValue(r.RoadId, out var list))
            {
                byRoad[r.RoadId] = list = [];
            }

            list.Add(r);
            min = r.Timestamp < min ? r.Timestamp : min;
            max = r.Timestamp > max ? r.Timestamp : max;
        }

        if (byRoad.Count == 0)
        {
            throw new ArgumentException("No readings.", nameof(readings));
        }

        var stepTicks = ForecastHorizons.Step.Ticks;
        var start = new DateTimeOffset(min.UtcTicks - (min.UtcTicks % stepTicks), TimeSpan.Zero);
        var length = (int)((max.UtcTicks - start.UtcTicks) / stepTicks) + 1;
        var roads = new List<RoadSeries>(byRoad.Count);
        foreach (var (roadId, list) in byRoad.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var s = new RoadSeries(roadId, length);
            foreach (var r in list.OrderBy(r => r.Timestamp))
            {
                var step = (int)((r.Timestamp.UtcTicks - start.UtcTicks) / stepTicks);
                s.Speed[step] = (float)r.CurrentSpeed;
                s.FreeFlow[step] = (float)r.FreeFlowSpeed;
                s.JamFactor[step] = (float)r.JamFactor;
                s.RushHour[step] = r.IsRushHour;
            }

            s.TypicalFreeFlow = Median(list.Select(r => (float)r.FreeFlowSpeed).Where(f => f > 0));
            roads.Add(s);
        }

        var dataset = new TrafficDataset(start, length, roads);
        if (adjacency is not null)
        {
            dataset.FillNeighbourRatios(adjacency);
        }

        return dataset;
    }

    internal void FillNeighbourRatios(IReadOnlyDictionary<string, IReadOnlyList<string>> adjacency)
    {
        foreach (var road in Roads)
        {
            if (!adjacency.TryGetValue(road.RoadId, out var ids))
            {
                continue;
            }

            var neighbours = ids.Select(Find).OfType<RoadSeries>().Where(n => n != road).ToArray();
            if (neighbours.Length == 0)
            {
                continue;
            }

            road.NeighbourCount = neighbours.Length;
            for (var t = 0; t < Length; t++)
            {
                var sum = 0f;
                var n = 0;
                foreach (var nb in neighbours)
                {
                    var ratio = nb.Ratio(t);
                    if (!float.IsNaN(ratio))
                    {
                        sum += ratio;
                        n++;
                    }
                }

                road.NeighbourRatio[t] = n == 0 ? float.NaN : sum / n;
            }
        }
    }

    internal static float Median(IEnumerable<float> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 50f : sorted[sorted.Length / 2];
    }
}
