using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using TrafficOrleans.Forecasting.Evaluation;
using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.Models;
using TrafficOrleans.Forecasting.Onnx;
using TrafficOrleans.Forecasting.Tgcn;
using TrafficOrleans.Forecasting.Training;

namespace TrafficOrleans.Forecasting.Tests;

/// <summary>The T-GCN: learns a signal that travels along the graph, trains reproducibly, exports to ONNX.</summary>
public sealed class TgcnTrainingTests
{
    private static readonly TgcnOptions Small = new() { Hidden = 16, MaxEpochs = 15, Patience = 4, LearningRate = 0.005f, SamplesPerEpoch = 4_000, ValidationSamples = 1_000 };

    [Fact]
    public void Learns_a_jam_that_arrives_from_a_neighbour_ten_minutes_later_better_than_persistence()
    {
        var dataset = JamDataset();
        var split = DatasetSplit.Create(dataset, 0.8, 0.15);
        var (train, validation, test) = split.Windows(dataset);
        var model = TgcnTrainer.Train(dataset, train, validation, Small, "tgcn-test");

        var upstream = dataset.Roads.Select((r, i) => (r, i)).Single(x => x.r.RoadId == JamsTravellingUpstream.Upstream).i;
        List<Sample> upstreamTest = [.. test.Where(s => s.Road == upstream)];
        var (tgcn, _) = Evaluator.Evaluate(model, dataset, upstreamTest);
        var (persistence, _) = Evaluator.Evaluate(new PersistenceForecaster(), dataset, upstreamTest);

        // Jam onsets are random: persistence misses every onset and end by ~40 km/h for 10 minutes; the neighbour shows
        // them. Measured 1.75 vs 2.25 km/h (0.78×) with these small settings; the tree model gets further (see
        // NeighbourFeatureTests) — the GRU does not yet learn the rare onsets fully in 15 short epochs.
        Assert.True(tgcn[0].Mae < 0.85 * persistence[0].Mae, $"MAE at 10 min: tgcn {tgcn[0].Mae:F2}, persistence {persistence[0].Mae:F2}");
    }

    [Fact]
    public void Two_trainings_on_the_same_data_give_bit_identical_parameters()
    {
        var dataset = JamDataset();
        var split = DatasetSplit.Create(dataset, 0.8, 0.15);
        var (train, validation, _) = split.Windows(dataset);
        var options = new TgcnOptions { Hidden = 8, MaxEpochs = 2, SamplesPerEpoch = 1_000, ValidationSamples = 200, Threads = 2 };

        var a = TgcnTrainer.Train(dataset, train, validation, options, "tgcn-a").Network.Parameters;
        var b = TgcnTrainer.Train(dataset, train, validation, options, "tgcn-b").Network.Parameters;

        Assert.Equal(a.Select(BitConverter.SingleToInt32Bits), b.Select(BitConverter.SingleToInt32Bits));
        Assert.NotEqual(TgcnNetwork.CreateRandom(new TgcnShape(Hidden: 8), options.Seed).Parameters, a);
    }

    [Fact]
    public void Exported_tgcn_run_by_onnx_runtime_matches_the_csharp_forward_pass()
    {
        var net = TgcnNetwork.CreateRandom(new TgcnShape(Hidden: 16), seed: 4);
        var rng = new Random(3);
        for (var i = 0; i < net.Parameters.Length; i++)
        {
            net.Parameters[i] += 0.2f * ((rng.NextSingle() * 2) - 1);
        }

        using var session = new InferenceSession(OnnxTgcnExporter.Export(net));
        const int batch = 5;
        var s = net.Shape;
        var x = new float[batch * s.Steps * s.Inputs];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = 0.2f + rng.NextSingle();
        }

        using var results = session.Run([NamedOnnxValue.CreateFromTensor(OnnxContract.InputName, new DenseTensor<float>(x, [batch, s.Steps, s.Inputs]))]);
        var onnx = results.Single().AsTensor<float>();
        var expected = new float[s.Outputs];
        for (var b = 0; b < batch; b++)
        {
            net.Predict(x.AsSpan(b * s.Steps * s.Inputs, s.Steps * s.Inputs), expected);
            for (var k = 0; k < s.Outputs; k++)
            {
                Assert.Equal(expected[k], onnx[b, k], 1e-4f);
            }
        }
    }

    private static TrafficDataset JamDataset() => TrafficDataset.FromReadings(
        JamsTravellingUpstream.Readings(days: 14, seed: 7),
        new Dictionary<string, IReadOnlyList<string>>
        {
            [JamsTravellingUpstream.Upstream] = [JamsTravellingUpstream.Downstream],
            [JamsTravellingUpstream.Downstream] = [JamsTravellingUpstream.Upstream],
        });
}
