using TrafficOrleans.Forecasting.Features;

namespace TrafficOrleans.Forecasting.Models;

/// <summary>
/// The seasonal baseline: the mean speed of the road in the target's time-of-week slot (Hanoi local time, 15-minute
/// slots by default). Also serves as the "profile" feature of the tree and LSTM models and as a cold-start fallback.
/// </summary>
public sealed class HistoricalAverageForecaster : ISpeedForecaster
{
    /// <summary>Model family name.</summary>
    public const string ModelName = "historical-average";

    private const int Format = 1;
    private readonly Dictionary<string, int> _roads;
    private readonly float[][] _means;
    private readonly int _slotMinutes;

    private HistoricalAverageForecaster(string version, int slotMinutes, Dictionary<string, int> roads, float[][] means)
    {
        Version = version;
        _slotMinutes = slotMinutes;
        _roads = roads;
        _means = means;
    }

    /// <inheritdoc />
    public string Name => ModelName;

    /// <inheritdoc />
    public string Version { get; }

    /// <summary>Width of a time-of-week slot in minutes.</summary>
    public int SlotMinutes => _slotMinutes;

    /// <summary>Number of slots in a week.</summary>
    public int SlotsPerWeek => TimeOfWeek.MinutesPerWeek / _slotMinutes;

    /// <summary>Averages each road's speeds per time-of-week slot over steps [0, endStep) of the dataset.</summary>
    public static HistoricalAverageForecaster Fit(TrafficDataset dataset, int endStep, string version, int slotMinutes = 15) =>
        Fit(dataset, endStep, version, slotMinutes, 0, 0);

    /// <summary>
    /// As <see cref="Fit(TrafficDataset, int, string, int)"/> but leaving steps [excludeFrom, excludeTo) out: the
    /// out-of-fold profile of training rows in that range, so a row's profile feature never averages its own target.
    /// </summary>
    public static HistoricalAverageForecaster Fit(TrafficDataset dataset, int endStep, string version, int slotMinutes, int excludeFrom, int excludeTo)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var slots = TimeOfWeek.MinutesPerWeek / slotMinutes;
        var roads = new Dictionary<string, int>(StringComparer.Ordinal);
        var means = new float[dataset.Roads.Count][];
        var slotOfStep = new int[endStep];
        for (var t = 0; t < endStep; t++)
        {
            slotOfStep[t] = TimeOfWeek.Slot(dataset.TimeAt(t), slotMinutes);
        }

        for (var r = 0; r < dataset.Roads.Count; r++)
        {
            var road = dataset.Roads[r];
            roads[road.RoadId] = r;
            var sum = new double[slots];
            var count = new int[slots];
            for (var t = 0; t < endStep; t++)
            {
                var s = road.Speed[t];
                if (!float.IsNaN(s) && (t < excludeFrom || t >= excludeTo))
                {
                    sum[slotOfStep[t]] += s;
                    count[slotOfStep[t]]++;
                }
            }

            means[r] = new float[slots];
            for (var k = 0; k < slots; k++)
            {
                means[r][k] = count[k] == 0 ? float.NaN : (float)(sum[k] / count[k]);
            }

            FillFromTimeOfDay(means[r], sum, count, slotMinutes);
        }

        return new HistoricalAverageForecaster(version, slotMinutes, roads, means);
    }

    /// <summary>
    /// With less than a week of history most time-of-week slots are empty, and the profile would say nothing about the
    /// daily cycle (the morning slow-down recurs every weekday). Empty slots take the mean of the same time of day over
    /// all training days instead; with several weeks of data every slot has its own mean and nothing changes.
    /// </summary>
    private static void FillFromTimeOfDay(float[] means, double[] sum, int[] count, int slotMinutes)
    {
        var slotsPerDay = 24 * 60 / slotMinutes;
        var daySum = new double[slotsPerDay];
        var dayCount = new int[slotsPerDay];
        for (var k = 0; k < means.Length; k++)
        {
            daySum[k % slotsPerDay] += sum[k];
            dayCount[k % slotsPerDay] += count[k];
        }

        for (var k = 0; k < means.Length; k++)
        {
            if (float.IsNaN(means[k]) && dayCount[k % slotsPerDay] > 0)
            {
                means[k] = (float)(daySum[k % slotsPerDay] / dayCount[k % slotsPerDay]);
            }
        }
    }

    /// <summary>
    /// The road's mean speed in the slot of <paramref name="utc"/>; empty slots borrow the nearest non-empty slot
    /// within ±30 minutes. False when the road is unknown or has no data near that time.
    /// </summary>
    public bool TryGetProfile(string roadId, DateTimeOffset utc, out float speed)
    {
        speed = float.NaN;
        if (!_roads.TryGetValue(roadId, out var r))
        {
            return false;
        }

        return TryLookup(_means[r], TimeOfWeek.MinuteOfWeek(utc), out speed);
    }

    /// <summary>
    /// The profile at now and at 10/20/30 minutes ahead of <paramref name="utc"/> in one road lookup and one time
    /// conversion (the tree features' hot path); NaN where the road has no data near that time.
    /// </summary>
    internal void FillProfiles(string roadId, DateTimeOffset utc, Span<float> nowAnd3Horizons)
    {
        nowAnd3Horizons.Fill(float.NaN);
        if (!_roads.TryGetValue(roadId, out var r))
        {
            return;
        }

        var means = _means[r];
        var minute = TimeOfWeek.MinuteOfWeek(utc);
        for (var k = 0; k < nowAnd3Horizons.Length; k++)
        {
            var m = k == 0 ? minute : (minute + ForecastHorizons.MinutesAhead(k - 1)) % TimeOfWeek.MinutesPerWeek;
            TryLookup(means, m, out nowAnd3Horizons[k]);
        }
    }

    private bool TryLookup(float[] means, int minuteOfWeek, out float speed)
    {
        speed = float.NaN;
        var slot = minuteOfWeek / _slotMinutes;
        var reach = Math.Max(1, 30 / _slotMinutes);
        for (var d = 0; d <= reach; d++)
        {
            var before = means[(slot - d + means.Length) % means.Length];
            if (!float.IsNaN(before))
            {
                speed = before;
                return true;
            }

            var after = means[(slot + d) % means.Length];
            if (!float.IsNaN(after))
            {
                speed = after;
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public bool CanForecast(in ForecastInput input)
    {
        for (var h = 0; h < ForecastHorizons.Count; h++)
        {
            if (!TryGetProfile(input.RoadId, TargetTime(input, h), out _))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public SpeedForecast Forecast(in ForecastInput input)
    {
        TryGetProfile(input.RoadId, TargetTime(input, 0), out var s10);
        TryGetProfile(input.RoadId, TargetTime(input, 1), out var s20);
        TryGetProfile(input.RoadId, TargetTime(input, 2), out var s30);
        return new SpeedForecast(s10, s20, s30, Name, Version);
    }

    /// <summary>Writes the profile table.</summary>
    public void Save(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Format);
        writer.Write(Version);
        writer.Write(_slotMinutes);
        writer.Write(_roads.Count);
        foreach (var (roadId, r) in _roads.OrderBy(kv => kv.Value))
        {
            writer.Write(roadId);
            foreach (var m in _means[r])
            {
                writer.Write(m);
            }
        }
    }

    /// <summary>Reads a table written by <see cref="Save"/>.</summary>
    public static HistoricalAverageForecaster Load(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.ReadInt32() != Format)
        {
            throw new InvalidDataException("Unknown historical-average format.");
        }

        var version = reader.ReadString();
        var slotMinutes = reader.ReadInt32();
        var count = reader.ReadInt32();
        var slots = TimeOfWeek.MinutesPerWeek / slotMinutes;
        var roads = new Dictionary<string, int>(count, StringComparer.Ordinal);
        var means = new float[count][];
        for (var r = 0; r < count; r++)
        {
            roads[reader.ReadString()] = r;
            means[r] = new float[slots];
            for (var k = 0; k < slots; k++)
            {
                means[r][k] = reader.ReadSingle();
            }
        }

        return new HistoricalAverageForecaster(version, slotMinutes, roads, means);
    }

    private static DateTimeOffset TargetTime(in ForecastInput input, int horizon) =>
        input.Timestamp.AddMinutes(ForecastHorizons.MinutesAhead(horizon));
}
