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

        var ws = new LstmWorkspace(shape);
        var grad = new float[shape.ParameterCount];
        net.ForwardBackward(x, y, grad, 1f, ws, rng: null);

        const float eps = 1e-2f;
        var checkedCount = 0;
        for (var i = 0; i < net.Parameters.Length; i++)
        {
            var keep = net.Parameters[i];
            net.Parameters[i] = keep + eps;
            double up = net.Forward(x, y, ws, null);
            net.Parameters[i] = keep - eps;
            double down = net.Forward(x, y, ws, null);
            net.Parameters[i] = keep;
            var numeric = (up - down) / (2 * eps);
            var tolerance = 2e-3 + (0.03 * Math.Abs(numeric));
            Assert.True(Math.Abs(numeric - grad[i]) < tolerance, $"parameter {i}: analytic {grad[i]} numeric {numeric}");
            checkedCount++;
        }

        Assert.Equal(shape.ParameterCount, checkedCount);
        Assert.Contains(grad, g => Math.Abs(g) > 1e-3);
    }
}
