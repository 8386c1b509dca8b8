using System.Numerics.Tensors;
using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.Lstm;

namespace TrafficOrleans.Forecasting.Training;

/// <summary>
/// Mini-batch Adam on MSE with early stopping on validation loss, restoring the best validation weights — the one
/// training loop of the LSTM and the T-GCN. Deterministic for a given seed and thread count: worker w sums the batch
/// rows w, w + threads, … in order, and the workers' sums are added in worker order (a fixed-order reduction).
/// </summary>
public static class NeuralTrainingLoop
{
    /// <summary>Trains <paramref name="network"/> in place; <paramref name="encode"/> turns samples into (input, target) rows.</summary>
    public static void Run<TWorkspace>(
        ITrainableNetwork<TWorkspace> network,
        IReadOnlyList<Sample> train,
        IReadOnlyList<Sample> validation,
        Func<List<Sample>, List<(float[] X, float[] Y)>> encode,
        NeuralTrainingOptions options,
        Action<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(encode);
        ArgumentNullException.ThrowIfNull(options);
        var count = network.Parameters.Length;
        var rng = new Random(options.Seed);
        var valRows = encode(Subsample(validation, options.ValidationSamples, rng));
        var adam = new AdamOptimizer(count, options.LearningRate);
        var threads = Math.Max(1, options.Threads);
        var grads = Enumerable.Range(0, threads).Select(_ => new float[count]).ToArray();
        var spaces = Enumerable.Range(0, threads).Select(_ => network.CreateWorkspace()).ToArray();
        var rngs = Enumerable.Range(0, threads).Select(i => new Random(options.Seed + 100 + i)).ToArray();
        var best = (float[])network.Parameters.Clone();
        var bestLoss = float.PositiveInfinity;
        var sinceBest = 0;
        for (var epoch = 0; epoch < options.MaxEpochs; epoch++)
        {
            var rows = encode(Subsample(train, options.SamplesPerEpoch, rng));
            for (var start = 0; start < rows.Count; start += options.BatchSize)
            {
                var batch = Math.Min(options.BatchSize, rows.Count - start);
                var scale = 1f / batch;
                Parallel.For(0, threads, w =>
                {
                    Array.Clear(grads[w]);
                    for (var i = start + w; i < start + batch; i += threads)
                    {
                        network.ForwardBackward(rows[i].X, rows[i].Y, grads[w], scale, spaces[w], rngs[w]);
                    }
                });
                for (var w = 1; w < threads; w++)
                {
                    TensorPrimitives.Add(grads[0], grads[w], grads[0]);
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
                break;
            }

            progress?.Invoke((epoch + 1) / (double)options.MaxEpochs);
        }

        progress?.Invoke(1);
        Array.Copy(best, network.Parameters, best.Length);
    }

    private static float ValidationLoss<TWorkspace>(ITrainableNetwork<TWorkspace> network, List<(float[] X, float[] Y)> rows, TWorkspace ws)
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
}
