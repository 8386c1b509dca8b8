using TrafficOrleans.Forecasting.Evaluation;
using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.Models;
using TrafficOrleans.Forecasting.Training;
using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Forecasting.Tests;

/// <summary>Congestion travels along the graph: a jam downstream now is a jam upstream 10 minutes later.</summary>
public sealed class NeighbourFeatureTests
{
    private const string Downstream = "road-down";
    private const string Upstream = "road-up";

    [Fact]
    public void Tree_model_learns_a_jam_that_arrives_from_a_neighbour_ten_minutes_later_and_cannot_without_neighbours()
    {
        var readings = JamsTravellingUpstream(days: 14, seed: 7);
        var adjacency = new Dictionary<string, IReadOnlyList<string>> { [Upstream] = [Downstream], [Downstream] = [Upstream] };

        var withNeighbours = UpstreamMaeAt10Minutes(TrafficDataset.FromReadings(readings, adjacency));
        var withoutNeighbours = UpstreamMaeAt10Minutes(TrafficDataset.FromReadings(readings));

        // Jam onsets are random: from its own history a road cannot see one coming, from its neighbour it can.
        Assert.True(withNeighbours < 0.6 * withoutNeighbours, $"MAE with neighbours {withNeighbours:F2}, without {withoutNeighbours:F2}");
    }

    private static double UpstreamMaeAt10Minutes(TrafficDataset dataset)
    {
        var split = DatasetSplit.Create(dataset, 0.8, 0.15);
        var (train, validation, test) = split.Windows(dataset);
        var profile = HistoricalAverageForecaster.Fit(dataset, split.ValidationStart, "historical-average-test");
        var model = GradientBoostedTrainer.Train(dataset, train, profile, new GradientBoostedOptions { Iterations = 150 }, "lgbm-test", validation: validation,
            trainingProfiles: new OutOfFoldProfiles(dataset, split.ValidationStart, profile.SlotMinutes));
        var upstream = dataset.Roads.Select((r, i) => (r, i)).Single(x => x.r.RoadId == Upstream).i;
        var (metrics, _) = Evaluator.Evaluate(model, dataset, [.. test.Where(s => s.Road == upstream)]);
        return metrics[0].Mae;
    }

    /// <summary>
    /// The downstream road jams at random instants (20 km/h for 30–60 min, otherwise ~60 km/h); the upstream road
    /// shows the same speeds two steps (10 minutes) later, each with independent noise.
    /// </summary>
    private static List<TrafficReading> JamsTravellingUpstream(int days, int seed)
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
