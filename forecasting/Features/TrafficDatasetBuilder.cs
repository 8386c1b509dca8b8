namespace TrafficOrleans.Forecasting.Features;

/// <summary>
/// Builds a <see cref="TrafficDataset"/> for a known time range by writing each reading straight into the 5-minute
/// grid, so weeks of history (millions of rows from PostgreSQL or a simulator) never sit in memory as objects.
/// A later reading in the same slot replaces an earlier one; readings outside the range are ignored.
/// </summary>
public sealed class TrafficDatasetBuilder
{
    private readonly Dictionary<string, RoadSeries> _roads = new(StringComparer.Ordinal);
    private readonly long _startTicks;

    /// <summary>A grid covering [<paramref name="from"/>, <paramref name="to"/>) (from rounded down to a step).</summary>
    public TrafficDatasetBuilder(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            throw new ArgumentException("The range is empty.", nameof(to));
        }

        var step = ForecastHorizons.Step.Ticks;
        _startTicks = from.UtcTicks - (from.UtcTicks % step);
        Length = (int)((to.UtcTicks - _startTicks + step - 1) / step);
    }

    /// <summary>Number of steps of the grid.</summary>
    public int Length { get; }

    /// <summary>Readings written so far (including replaced ones).</summary>
    public long Count { get; private set; }

    /// <summary>Writes one reading; false if it lies outside the range.</summary>
    public bool Add(string roadId, DateTimeOffset timestamp, double speed, double freeFlow, double jamFactor, bool isRushHour)
    {
        ArgumentNullException.ThrowIfNull(roadId);
        var offset = timestamp.UtcTicks - _startTicks;
        if (offset < 0)
        {
            return false;
        }

        var step = offset / ForecastHorizons.Step.Ticks;
        if (step >= Length)
        {
            return false;
        }

        if (!_roads.TryGetValue(roadId, out var road))
        {
            _roads[roadId] = road = new RoadSeries(roadId, Length);
        }

        var t = (int)step;
        road.Speed[t] = (float)speed;
        road.FreeFlow[t] = (float)freeFlow;
        road.JamFactor[t] = (float)jamFactor;
        road.RushHour[t] = isRushHour;
        Count++;
        return true;
    }

    /// <summary>The dataset, with neighbour ratios when an adjacency (road id → neighbouring road ids) is given.</summary>
    public TrafficDataset Build(IReadOnlyDictionary<string, IReadOnlyList<string>>? adjacency = null)
    {
        if (_roads.Count == 0)
        {
            throw new InvalidOperationException("No readings in the range.");
        }

        var roads = _roads.Values.OrderBy(r => r.RoadId, StringComparer.Ordinal).ToList();
        foreach (var road in roads)
        {
            road.TypicalFreeFlow = TrafficDataset.Median(road.FreeFlow.Where(f => f > 0));
        }

        var dataset = new TrafficDataset(new DateTimeOffset(_startTicks, TimeSpan.Zero), Length, roads);
        if (adjacency is not null)
        {
            dataset.FillNeighbourRatios(adjacency);
        }

        return dataset;
    }
}
