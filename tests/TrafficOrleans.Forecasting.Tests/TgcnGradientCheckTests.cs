using TrafficOrleans.Forecasting.Tgcn;

namespace TrafficOrleans.Forecasting.Tests;

public sealed class TgcnGradientCheckTests
{
    [Fact]
    public void Backward_pass_matches_finite_differences_on_a_tiny_graph()
    {
        // Three roads in a line (0 – 1 – 2): the middle road's input convolves its ratio with its two neighbours' mean.
        var shape = new TgcnShape(Inputs: GraphConvolution.Channels, Steps: 4, Hidden: 5, Outputs: 3);
        var net = TgcnNetwork.CreateRandom(shape, seed: 2);
        var rng = new Random(9);
        for (var i = 0; i < net.Parameters.Length; i++)
        {
            net.Parameters[i] += 0.3f * ((rng.NextSingle() * 2) - 1);
        }

        float[] speeds = [40, 38, 30, 25];
        float[] neighbourMeans = [0.8f, 0.6f, 0.5f, 0.4f];
        var input = new ForecastInput("road-1", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, speeds, neighbourMeans, 50, 0, false);
        var x = new float[shape.Steps * shape.Inputs];
        GraphConvolution.Fill(input, neighbourCount: 2, x);
        Assert.Equal((0.8f + (2 * 0.8f)) / 3, x[1], 5);
        float[] y = [0.3f, -0.2f, 0.5f];

        FiniteDifferenceCheck.AssertGradientMatches(net, x, y);

        // Inference (scalar activations, no workspace) computes what the training pass computes.
        var ws = net.CreateWorkspace();
        net.Forward(x, y, ws, null);
        var predicted = new float[shape.Outputs];
        net.Predict(x, predicted);
        for (var k = 0; k < shape.Outputs; k++)
        {
            Assert.Equal(ws.Output[k], predicted[k], 1e-5f);
        }
    }
}
