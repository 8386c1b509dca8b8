using System.Numerics.Tensors;
using TrafficOrleans.Forecasting.Training;

namespace TrafficOrleans.Forecasting.Lstm;

/// <summary>
/// LSTM(H) → Dropout → Dense(D, ReLU) → Dense(O) on a flat parameter vector, with an exact backward pass
/// (back-propagation through time) and MSE loss. Matrix-vector products run on <see cref="TensorPrimitives"/>.
/// Training uses one <see cref="LstmWorkspace"/> per thread; serving runs a trained network through
/// <see cref="LstmInference"/>, which packs the weights for a faster forward pass.
/// </summary>
public sealed class LstmNetwork : FlatParameterNetwork<LstmShape>, ITrainableNetwork<LstmWorkspace>
{
    /// <summary>Creates a network over existing parameters (length <see cref="LstmShape.ParameterCount"/>).</summary>
    public LstmNetwork(LstmShape shape, float[] parameters)
        : base(shape, parameters)
    {
    }

    /// <summary>Glorot-uniform weights, zero biases except the forget gate (1, as Keras' unit_forget_bias).</summary>
    public static LstmNetwork CreateRandom(LstmShape shape, int seed)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var rng = new Random(seed);
        var p = new float[shape.ParameterCount];
        var h = shape.Hidden;
        GlorotUniform.Fill(p.AsSpan(LstmShape.Wx, 4 * h * shape.Inputs), shape.Inputs, 4 * h, rng);
        GlorotUniform.Fill(p.AsSpan(shape.Wh, 4 * h * h), h, 4 * h, rng);
        p.AsSpan(shape.B + h, h).Fill(1f);
        GlorotUniform.Fill(p.AsSpan(shape.W1, shape.Dense * h), h, shape.Dense, rng);
        GlorotUniform.Fill(p.AsSpan(shape.W2, shape.Outputs * shape.Dense), shape.Dense, shape.Outputs, rng);
        return new LstmNetwork(shape, p);
    }

    /// <inheritdoc />
    public LstmWorkspace CreateWorkspace() => new(Shape);

    /// <summary>
    /// Forward and backward pass for one sequence: adds d(loss)/d(parameters) × <paramref name="gradScale"/> to
    /// <paramref name="gradient"/> and returns the loss, mean over outputs of the squared error. A null
    /// <paramref name="rng"/> disables dropout (validation, gradient checks).
    /// </summary>
    public float ForwardBackward(
        ReadOnlySpan<float> x, ReadOnlySpan<float> target, Span<float> gradient, float gradScale, LstmWorkspace ws, Random? rng)
    {
        ArgumentNullException.ThrowIfNull(ws);
        var loss = Forward(x, target, ws, rng);
        Backward(x, target, gradient, gradScale, ws);
        return loss;
    }

    /// <summary>Forward pass keeping activations in the workspace; returns the MSE against the target.</summary>
    public float Forward(ReadOnlySpan<float> x, ReadOnlySpan<float> target, LstmWorkspace ws, Random? rng)
    {
        ArgumentNullException.ThrowIfNull(ws);
        var s = Shape;
        var h = s.Hidden;
        Array.Clear(ws.Cell, 0, h);
        Array.Clear(ws.Hidden, 0, h);
        for (var t = 0; t < s.Steps; t++)
        {
            var gates = ws.Gates.AsSpan(t * 4 * h, 4 * h);
            var hPrev = ws.Hidden.AsSpan(t * h, h);
            var cPrev = ws.Cell.AsSpan(t * h, h);
            var hNext = ws.Hidden.AsSpan((t + 1) * h, h);
            var cNext = ws.Cell.AsSpan((t + 1) * h, h);
            var tanhC = ws.TanhCell.AsSpan(t * h, h);
            GatePreactivations(x.Slice(t * s.Inputs, s.Inputs), hPrev, gates);
            TensorPrimitives.Sigmoid(gates[..(2 * h)], gates[..(2 * h)]);
            TensorPrimitives.Tanh(gates.Slice(2 * h, h), gates.Slice(2 * h, h));
            TensorPrimitives.Sigmoid(gates.Slice(3 * h, h), gates.Slice(3 * h, h));
            for (var j = 0; j < h; j++)
            {
                cNext[j] = (gates[h + j] * cPrev[j]) + (gates[j] * gates[(2 * h) + j]);
            }

            TensorPrimitives.Tanh(cNext, tanhC);
            TensorPrimitives.Multiply(gates.Slice(3 * h, h), tanhC, hNext);
        }

        var last = ws.Hidden.AsSpan(s.Steps * h, h);
        var keep = 1f - s.Dropout;
        for (var j = 0; j < h; j++)
        {
            // Inverted dropout: scale kept units at training time so inference needs no rescaling.
            ws.Mask[j] = rng is null ? 1f : rng.NextSingle() < keep ? 1f / keep : 0f;
        }

        TensorPrimitives.Multiply(last, ws.Mask, ws.Dropped);
        Head(ws.Dropped, ws.DenseOut, ws.Output);
        var loss = 0f;
        for (var k = 0; k < s.Outputs; k++)
        {
            var e = ws.Output[k] - target[k];
            loss += e * e;
        }

        return loss / s.Outputs;
    }

    private void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> target, Span<float> grad, float scale, LstmWorkspace ws)
    {
        var s = Shape;
        var h = s.Hidden;
        var p = Parameters.AsSpan();
        for (var k = 0; k < s.Outputs; k++)
        {
            ws.DOut[k] = 2f * (ws.Output[k] - target[k]) / s.Outputs * scale;
        }

        // Output layer.
        Array.Clear(ws.DDense);
        for (var k = 0; k < s.Outputs; k++)
        {
            TensorPrimitives.MultiplyAdd(ws.DenseOut, ws.DOut[k], grad.Slice(s.W2 + (k * s.Dense), s.Dense), grad.Slice(s.W2 + (k * s.Dense), s.Dense));
            grad[s.B2 + k] += ws.DOut[k];
            TensorPrimitives.MultiplyAdd(p.Slice(s.W2 + (k * s.Dense), s.Dense), ws.DOut[k], ws.DDense, ws.DDense);
        }

        // Dense ReLU layer.
        Array.Clear(ws.Dh);
        for (var d = 0; d < s.Dense; d++)
        {
            var dz = ws.DenseOut[d] > 0 ? ws.DDense[d] : 0f;
            if (dz == 0f)
            {
                continue;
            }

            TensorPrimitives.MultiplyAdd(ws.Dropped, dz, grad.Slice(s.W1 + (d * h), h), grad.Slice(s.W1 + (d * h), h));
            grad[s.B1 + d] += dz;
            TensorPrimitives.MultiplyAdd(p.Slice(s.W1 + (d * h), h), dz, ws.Dh, ws.Dh);
        }

        TensorPrimitives.Multiply(ws.Dh, ws.Mask, ws.Dh);
        Array.Clear(ws.Dc);

        // Back-propagation through time.
        for (var t = s.Steps - 1; t >= 0; t--)
        {
            var gates = ws.Gates.AsSpan(t * 4 * h, 4 * h);
            var cPrev = ws.Cell.AsSpan(t * h, h);
            var hPrev = ws.Hidden.AsSpan(t * h, h);
            var tanhC = ws.TanhCell.AsSpan(t * h, h);
            var dz = ws.Dz.AsSpan();
            for (var j = 0; j < h; j++)
            {
                var i = gates[j];
                var f = gates[h + j];
                var g = gates[(2 * h) + j];
                var o = gates[(3 * h) + j];
                var dh = ws.Dh[j];
                var dc = ws.Dc[j] + (dh * o * (1f - (tanhC[j] * tanhC[j])));
                dz[j] = dc * g * i * (1f - i);
                dz[h + j] = dc * cPrev[j] * f * (1f - f);
                dz[(2 * h) + j] = dc * i * (1f - (g * g));
                dz[(3 * h) + j] = dh * tanhC[j] * o * (1f - o);
                ws.Dc[j] = dc * f;
            }

            var xt = x.Slice(t * s.Inputs, s.Inputs);
            Array.Clear(ws.Dh);
            for (var r = 0; r < 4 * h; r++)
            {
                var d = dz[r];
                TensorPrimitives.MultiplyAdd(xt, d, grad.Slice(LstmShape.Wx + (r * s.Inputs), s.Inputs), grad.Slice(LstmShape.Wx + (r * s.Inputs), s.Inputs));
                TensorPrimitives.MultiplyAdd(hPrev, d, grad.Slice(s.Wh + (r * h), h), grad.Slice(s.Wh + (r * h), h));
                TensorPrimitives.MultiplyAdd(p.Slice(s.Wh + (r * h), h), d, ws.Dh, ws.Dh);
            }

            TensorPrimitives.Add(grad.Slice(s.B, 4 * h), dz, grad.Slice(s.B, 4 * h));
        }
    }

    private void GatePreactivations(ReadOnlySpan<float> xt, ReadOnlySpan<float> hPrev, Span<float> z)
    {
        var s = Shape;
        var p = Parameters.AsSpan();
        for (var r = 0; r < 4 * s.Hidden; r++)
        {
            z[r] = p[s.B + r]
                + TensorPrimitives.Dot(p.Slice(LstmShape.Wx + (r * s.Inputs), s.Inputs), xt)
                + TensorPrimitives.Dot(p.Slice(s.Wh + (r * s.Hidden), s.Hidden), hPrev);
        }
    }

    private void Head(ReadOnlySpan<float> hidden, Span<float> dense, Span<float> output)
    {
        var s = Shape;
        var p = Parameters.AsSpan();
        for (var d = 0; d < s.Dense; d++)
        {
            dense[d] = Math.Max(0f, p[s.B1 + d] + TensorPrimitives.Dot(p.Slice(s.W1 + (d * s.Hidden), s.Hidden), hidden));
        }

        for (var k = 0; k < s.Outputs; k++)
        {
            output[k] = p[s.B2 + k] + TensorPrimitives.Dot(p.Slice(s.W2 + (k * s.Dense), s.Dense), dense);
        }
    }
}
