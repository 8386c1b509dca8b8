using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Forecasting.Tests;

/// <summary>Two roads where a jam downstream now is a jam upstream 10 minutes later (the neighbour-signal tests' data).</summary>
internal static class JamsTravellingUpstream
{
    public const string Downstream = "road-down";
    public const string Upstream = "road-up";

    /// <summary>
    /// The downstream road jams at random instants (20 km/h for 30–60 min, otherwise ~60 km/h); the upstream road
    /// shows the same speeds two steps (10 minutes) later, each with independent noise.
    /// </summary>
    public static List<TrafficReading> Readings(int days, int seed)
    {
        var random = new Random(seed);
        var steps = days * 24 * 12;
        var down = new double[steps];
        var jamLeft = 0;
        for (var t = 0; t < steps; t++)
        {
            if (jamLeft == 0 && random.NextDouble() < 0.01)
            {
                jamLeft = random.Next(6, 13);
            }

            down[t] = (jamLeft > 0 ? 20 : 60) + random.NextDouble() - 0.5;
            jamLeft = Math.Max(0, jamLeft - 1);
        }

        var start = new DateTimeOffset(2026, 10, 5, 0, 0, 0, TimeSpan.Zero);
        var readings = new List<TrafficReading>(2 * steps);
        for (var t = 2; t < steps; t++)
        {
            var time = start + (t * ForecastHorizons.Step);
            readings.Add(Reading(Downstream, time, down[t]));
            readings.Add(Reading(Upstream, time, down[t - 2] + random.NextDouble() - 0.5));
        }

        return readings;
    }

    private static TrafficReading Reading(string roadId, DateTimeOffset time, double speed) =>
        new(Guid.CreateVersion7(time), time, roadId, roadId, speed, 60, 0, CongestionLevel.Free, speed / 60, false);
}
