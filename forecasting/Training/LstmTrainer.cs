using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.Lstm;
using TrafficOrleans.Forecasting.Models;

namespace TrafficOrleans.Forecasting.Training;

/// <summary>Mini-batch Adam training of the LSTM with MSE loss and early stopping on validation loss.</summary>
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
        var rng = new Random(options.Seed);
        var valRows = Encode(dataset, Subsample(validation, options.ValidationSamples, rng), layout, profile);
        var adam = new AdamOptimizer(shape.ParameterCount, options.LearningRate);
        var threads = Math.Max(1, options.Threads);
        var grads = Enumerable.Range(0, threads).Select(_ => new float[shape.ParameterCount]).ToArray();
        var spaces = Enumerable.Range(0, threads).Select(_ => new LstmWorkspace(shape)).ToArray();
        var rngs = Enumerable.Range(0, threads).Select(i => new Random(options.Seed + 100 + i)).ToArray();
        var best = (float[])network.Parameters.Clone();
        var bestLoss = float.PositiveInfinity;
        var sinceBest = 0;
        for (var epoch = 0; epoch < options.MaxEpochs; epoch++)
        {
            var rows = Encode(dataset, Subsample(train, options.SamplesPerEpoch, rng), layout, profile);
            for (var start = 0; start < rows.Count; start += options.BatchSize)
            {
                var count = Math.Min(options.BatchSize, rows.Count - start);
                var scale = 1f / count;
                Parallel.For(0, threads, w =>
                {
                    Array.Clear(grads[w]);
                    for (var i = start + w; i < start + count; i += threads)
                    {
                        network.ForwardBackward(rows[i].X, rows[i].Y, grads[w], scale, spaces[w], rngs[w]);
                    }
                });
                for (var w = 1; w < threads; w++)
                {
                    System.Numerics.Tensors.TensorPrimitives.Add(grads[0], grads[w], grads[0]);
                }

                adam.Step(network.Parameters, grads[0]);
            }

            var valLoss = ValidationLoss(network, valRows, spaces[0]);
            if (valLoss < bestLoss)
            {
                bestLoss = valLoss;
                Array.Copy(network.Parameters, best, best.Length);
                sinceBest = 0;
            }
            else if (++sinceBest >= options.Patience)
            {
                progress?.Invoke(1);
                break;
            }

            progress?.Invoke((epoch + 1) / (double)options.MaxEpochs);
        }

        Array.Copy(best, network.Parameters, best.Length);
        return new LstmForecaster(version, network, layout, profile);
    }

    private static float ValidationLoss(LstmNetwork network, List<(float[] X, float[] Y)> rows, LstmWorkspace ws)
    {
        double sum = 0;
        foreach (var (x, y) in rows)
        {
            sum += network.Forward(x, y, ws, rng: null);
        }

        return rows.Count == 0 ? 0 : (float)(sum / rows.Count);
    }

    private static List<Sample> Subsample(IReadOnlyList<Sample> samples, int max, Random rng)
    {
        var list = samples.ToList();
        for (var i = 0; i < Math.Min(max, list.Count); i++)
        {
            var j = rng.Next(i, list.Count);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list.Count <= max ? list : list.GetRange(0, max);
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
