using TrafficOrleans.Forecasting.Lstm;

namespace TrafficOrleans.Forecasting.Tests;

public sealed class LstmGradientCheckTests
{
    [Fact]
    public void Backward_pass_matches_finite_differences()
    {
        var shape = new LstmShape(Inputs: 3, Steps: 4, Hidden: 5, Dense: 4, Outputs: 3);
        var net = LstmNetwork.CreateRandom(shape, seed: 2);
        var rng = new Random(9);
        var x = Enumerable.Range(0, shape.Steps * shape.Inputs).Select(_ => (rng.NextSingle() * 2) - 1).ToArray();
        float[] y = [0.3f, -0.2f, 0.5f];
        for (var i = 0; i < net.Parameters.Length; i++)
        {
            net.Parameters[i] += 0.3f * ((rng.NextSingle() * 2) - 1);
        }

        FiniteDifferenceCheck.AssertGradientMatches(net, x, y);
    }
}
