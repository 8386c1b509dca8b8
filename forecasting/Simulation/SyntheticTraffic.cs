using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Forecasting.Simulation;

/// <summary>
/// Deterministic synthetic traffic for tests, benchmarks and demos: roads in corridors of 8 (upstream → downstream),
/// each with a free-flow speed, weekday morning/evening rush-hour dips (Hanoi time, lighter at weekends), a slowly
/// mean-reverting disturbance, incidents that start at random roads and travel downstream with a 10-minute lag
/// (the neighbour effect), sensor noise and ~1% missing readings.
/// </summary>
public static class SyntheticTraffic
{
    private const int Corridor = 8;

    /// <summary>Readings of <paramref name="roads"/> roads over <paramref name="days"/> days at the 5-minute cadence.</summary>
    public static (List<TrafficReading> Readings, Dictionary<string, IReadOnlyList<string>> Adjacency) Generate(
        int roads, int days, int seed, DateTimeOffset? start = null)
    {
        var rng = new Random(seed);
        var t0 = start ?? new DateTimeOffset(2026, 10, 26, 17, 0, 0, TimeSpan.Zero);
        var steps = days * 24 * 60 / ForecastHorizons.StepMinutes;
        var ids = Enumerable.Range(0, roads).Select(i => $"road-{i:D4}").ToArray();
        var freeFlow = ids.Select(_ => 30 + (30 * rng.NextDouble())).ToArray();
        var depth = ids.Select(_ => 0.3 + (0.3 * rng.NextDouble())).ToArray();
        var disturbance = new double[roads];
        var incident = new double[roads, steps];
        var readings = new List<TrafficReading>(roads * steps);
        var adjacency = new Dictionary<string, IReadOnlyList<string>>();
        for (var r = 0; r < roads; r++)
        {
            var nb = new List<string>();
            if (r % Corridor != 0)
            {
                nb.Add(ids[r - 1]);
            }

            if ((r + 1) % Corridor != 0 && r + 1 < roads)
            {
                nb.Add(ids[r + 1]);
            }

            adjacency[ids[r]] = nb;
        }

        for (var t = 0; t < steps; t++)
        {
            var time = t0 + (t * ForecastHorizons.Step);
            var local = TimeOfWeek.Local(time);
            var hour = local.Hour + (local.Minute / 60.0);
            var weekend = local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var rush = Bump(hour, 7.75, 0.9) + Bump(hour, 17.75, 1.0);
            var isRush = rush > 0.3 && !weekend;
            for (var r = 0; r < roads; r++)
            {
                // Incidents begin at random and pass downstream two steps later, slightly weakened.
                if (rng.NextDouble() < 0.002)
                {
                    var strength = 0.25 + (0.25 * rng.NextDouble());
                    var length = 6 + rng.Next(12);
                    for (var k = 0; k < length && t + k < steps; k++)
                    {
                        incident[r, t + k] = Math.Max(incident[r, t + k], strength);
                    }
                }

                if (r % Corridor != 0 && t >= 2)
                {
                    incident[r, t] = Math.Max(incident[r, t], 0.8 * incident[r - 1, t - 2]);
                }

                disturbance[r] = (0.97 * disturbance[r]) + (0.025 * Normal(rng));
                var profile = 1 - (depth[r] * rush * (weekend ? 0.4 : 1.0));
                var ratio = Math.Clamp((profile * (1 + disturbance[r])) - incident[r, t], 0.05, 1.1);
                var speed = Math.Max(0, (freeFlow[r] * ratio) + (1.0 * Normal(rng)));
                if (rng.NextDouble() < 0.01)
                {
                    continue;
                }

                var speedRatio = speed / freeFlow[r];
                var jam = Math.Clamp(10 * (1 - speedRatio), 0, 10);
                readings.Add(new TrafficReading(
                    Guid.CreateVersion7(time), time, ids[r], ids[r], speed, freeFlow[r], jam,
                    speedRatio >= 0.75 ? CongestionLevel.Free : speedRatio >= 0.5 ? CongestionLevel.Moderate : speedRatio >= 0.25 ? CongestionLevel.Heavy : CongestionLevel.Severe,
                    speedRatio, isRush, null));
            }
        }

        return (readings, adjacency);
    }

    private static double Bump(double hour, double centre, double width)
    {
        var d = (hour - centre) / width;
        return Math.Exp(-d * d);
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
