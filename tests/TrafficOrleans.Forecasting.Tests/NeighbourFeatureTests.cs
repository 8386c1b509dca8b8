using TrafficOrleans.Forecasting.Evaluation;
using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.Models;
using TrafficOrleans.Forecasting.Training;

namespace TrafficOrleans.Forecasting.Tests;

/// <summary>Congestion travels along the graph: a jam downstream now is a jam upstream 10 minutes later.</summary>
public sealed class NeighbourFeatureTests
{
    [Fact]
    public void Tree_model_learns_a_jam_that_arrives_from_a_neighbour_ten_minutes_later_and_cannot_without_neighbours()
    {
        var readings = JamsTravellingUpstream.Readings(days: 14, seed: 7);
        var adjacency = new Dictionary<string, IReadOnlyList<string>> { [JamsTravellingUpstream.Upstream] = [JamsTravellingUpstream.Downstream], [JamsTravellingUpstream.Downstream] = [JamsTravellingUpstream.Upstream] };

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
        var upstream = dataset.Roads.Select((r, i) => (r, i)).Single(x => x.r.RoadId == JamsTravellingUpstream.Upstream).i;
        var (metrics, _) = Evaluator.Evaluate(model, dataset, [.. test.Where(s => s.Road == upstream)]);
        return metrics[0].Mae;
    }
}
