using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.Models;
using TrafficOrleans.Forecasting.Tgcn;

namespace TrafficOrleans.Forecasting.Training;

/// <summary>
/// Trains one <see cref="TgcnNetwork"/> for every road of the dataset's graph through <see cref="NeuralTrainingLoop"/>:
/// input = the 12-step graph-convolved window of speed ratios, target = the change of the ratio from the newest
/// reading at 10/20/30 minutes.
/// </summary>
public static class TgcnTrainer
{
    /// <summary>Trains on <paramref name="train"/>, early-stopping on <paramref name="validation"/>.</summary>
    public static TgcnForecaster Train(
        TrafficDataset dataset,
        IReadOnlyList<Sample> train,
        IReadOnlyList<Sample> validation,
        TgcnOptions options,
        string version,
        Action<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        var shape = new TgcnShape(GraphConvolution.Channels, ForecastHorizons.WindowSteps, options.Hidden, ForecastHorizons.Count);
        var network = TgcnNetwork.CreateRandom(shape, options.Seed);
        var model = new TgcnForecaster(version, network, dataset.Roads.ToDictionary(r => r.RoadId, r => r.NeighbourCount, StringComparer.Ordinal));
        NeuralTrainingLoop.Run(network, train, validation, samples => Encode(dataset, model, samples), options, progress);
        return model;
    }

    private static List<(float[] X, float[] Y)> Encode(TrafficDataset dataset, TgcnForecaster model, List<Sample> samples)
    {
        var rows = new List<(float[] X, float[] Y)>(samples.Count);
        Span<float> speeds = stackalloc float[ForecastHorizons.WindowSteps];
        Span<float> nbr = stackalloc float[ForecastHorizons.WindowSteps];
        Span<float> actual = stackalloc float[ForecastHorizons.Count];
        foreach (var s in samples)
        {
            var road = dataset.Roads[s.Road];
            var input = WindowBuilder.Create(dataset, road, s.Step, speeds, nbr);
            if (!model.CanForecast(input))
            {
                continue;
            }

            var x = new float[ForecastHorizons.WindowSteps * GraphConvolution.Channels];
            var last = model.Encode(input, x);
            WindowBuilder.Targets(road, s.Step, actual);
            var y = new float[ForecastHorizons.Count];
            for (var h = 0; h < y.Length; h++)
            {
                y[h] = (actual[h] / input.FreeFlowSpeed) - last;
            }

            rows.Add((x, y));
        }

        return rows;
    }
}
