using System.Numerics.Tensors;
using TrafficOrleans.Forecasting.Lstm;

namespace TrafficOrleans.Forecasting.Tests;

/// <summary>
/// The LSTM's serving forward pass as it was before <see cref="LstmInference"/> (2 × 4H dot products per step, scalar
/// activations), kept verbatim as the oracle the packed pass is compared with.
/// </summary>
internal static class ReferenceLstmForward
{
    public static void Predict(LstmNetwork network, ReadOnlySpan<float> x, Span<float> output)
    {
        var s = network.Shape;
        var p = network.Parameters.AsSpan();
        var h = s.Hidden;
        Span<float> hidden = stackalloc float[h];
        Span<float> cell = stackalloc float[h];
        Span<float> z = stackalloc float[4 * h];
        hidden.Clear();
        cell.Clear();
        for (var t = 0; t < s.Steps; t++)
        {
            var xt = x.Slice(t * s.Inputs, s.Inputs);
            for (var r = 0; r < 4 * h; r++)
            {
                z[r] = p[s.B + r]
                    + TensorPrimitives.Dot(p.Slice(LstmShape.Wx + (r * s.Inputs), s.Inputs), xt)
                    + TensorPrimitives.Dot(p.Slice(s.Wh + (r * h), h), hidden);
            }

            for (var j = 0; j < h; j++)
            {
                var i = Sigmoid(z[j]);
                var f = Sigmoid(z[h + j]);
                var g = MathF.Tanh(z[(2 * h) + j]);
                var o = Sigmoid(z[(3 * h) + j]);
                cell[j] = (f * cell[j]) + (i * g);
                hidden[j] = o * MathF.Tanh(cell[j]);
            }
        }

        Span<float> dense = stackalloc float[s.Dense];
        for (var d = 0; d < s.Dense; d++)
        {
            dense[d] = Math.Max(0f, p[s.B1 + d] + TensorPrimitives.Dot(p.Slice(s.W1 + (d * h), h), hidden));
        }

        for (var k = 0; k < s.Outputs; k++)
        {
            output[k] = p[s.B2 + k] + TensorPrimitives.Dot(p.Slice(s.W2 + (k * s.Dense), s.Dense), dense);
        }
    }

    private static float Sigmoid(float v) => 1f / (1f + MathF.Exp(-v));
}
