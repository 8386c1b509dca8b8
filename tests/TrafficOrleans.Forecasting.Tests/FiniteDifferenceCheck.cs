using TrafficOrleans.Forecasting.Training;

namespace TrafficOrleans.Forecasting.Tests;

/// <summary>Compares a network's analytic gradient with central finite differences, parameter by parameter.</summary>
internal static class FiniteDifferenceCheck
{
    public static void AssertGradientMatches<TWorkspace>(ITrainableNetwork<TWorkspace> net, float[] x, float[] y)
    {
        var ws = net.CreateWorkspace();
        var grad = new float[net.Parameters.Length];
        net.ForwardBackward(x, y, grad, 1f, ws, rng: null);

        const float eps = 1e-2f;
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
        }

        Assert.Contains(grad, g => Math.Abs(g) > 1e-3);
    }
}
