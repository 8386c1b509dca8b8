using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.Lstm;
using TrafficOrleans.Forecasting.Models;

namespace TrafficOrleans.Forecasting.Training;

/// <summary>Trains the LSTM through <see cref="NeuralTrainingLoop"/> on <see cref="SequenceLayout"/> rows.</summary>
public static class LstmTrainer
{
    /// <summary>Trains on <paramref name="train"/>, early-stopping on <paramref name="validation"/>.</summary>
    public static LstmForecaster Train(
        TrafficDataset dataset,
        IReadOnlyList<Sample> train,
        IReadOnlyList<Sample> validation,
        HistoricalAverageForecaster? profile,
        LstmOptions options,
        string version,
        Action<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(options);
        var layout = SequenceLayout.Default;
        var shape = new LstmShape(layout.Width, ForecastHorizons.WindowSteps, options.Hidden, options.Dense);
        var network = LstmNetwork.CreateRandom(shape, options.Seed);
        NeuralTrainingLoop.Run(network, train, validation, samples => Encode(dataset, samples, layout, profile), options, progress);
        return new LstmForecaster(version, network, layout, profile);
    }

    private static List<(float[] X, float[] Y)> Encode(TrafficDataset dataset, List<Sample> samples, SequenceLayout layout, HistoricalAverageForecaster? profile)
    {
        var rows = new List<(float[] X, float[] Y)>(samples.Count);
        Span<float> speeds = stackalloc float[ForecastHorizons.WindowSteps];
        Span<float> nbr = stackalloc float[ForecastHorizons.WindowSteps];
        Span<float> actual = stackalloc float[ForecastHorizons.Count];
        foreach (var s in samples)
        {
            var road = dataset.Roads[s.Road];
            var input = WindowBuilder.Create(dataset, road, s.Step, speeds, nbr);
            var x = new float[ForecastHorizons.WindowSteps * layout.Width];
            var y = new float[ForecastHorizons.Count];
            layout.Fill(input, profile, x);
            WindowBuilder.Targets(road, s.Step, actual);
            layout.Target(input, actual, y);
            rows.Add((x, y));
        }

        return rows;
    }
}
