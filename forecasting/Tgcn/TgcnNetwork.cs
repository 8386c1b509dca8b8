using System.Numerics.Tensors;
using TrafficOrleans.Forecasting.Lstm;
using TrafficOrleans.Forecasting.Training;

namespace TrafficOrleans.Forecasting.Tgcn;

/// <summary>
/// The temporal half of T-GCN: a GRU (ONNX semantics, linear_before_reset = 1) over per-step inputs that are already
/// graph-convolved (<see cref="GraphConvolution"/>), then a linear head, on a flat parameter vector with an exact
/// backward pass (back-propagation through time) and MSE loss. Because the graph convolution is applied to the
/// inputs only, one road's forecast needs only its own and its neighbours' windows — what a road grain can have.
/// Inference (<see cref="Predict"/>) is thread-safe and allocation-free; training uses one
/// <see cref="TgcnWorkspace"/> per thread.
/// </summary>
public sealed class TgcnNetwork : FlatParameterNetwork<TgcnShape>, ITrainableNetwork<TgcnWorkspace>
{
    /// <summary>Creates a network over existing parameters (length <see cref="TgcnShape.ParameterCount"/>).</summary>
    public TgcnNetwork(TgcnShape shape, float[] parameters)
        : base(shape, parameters)
    {
    }

    /// <summary>Glorot-uniform weights, zero biases.</summary>
    public static TgcnNetwork CreateRandom(TgcnShape shape, int seed)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var rng = new Random(seed);
        var p = new float[shape.ParameterCount];
        var h = shape.Hidden;
        GlorotUniform.Fill(p.AsSpan(TgcnShape.W, 3 * h * shape.Inputs), shape.Inputs, 3 * h, rng);
        GlorotUniform.Fill(p.AsSpan(shape.R, 3 * h * h), h, 3 * h, rng);
        GlorotUniform.Fill(p.AsSpan(shape.Wo, shape.Outputs * h), h, shape.Outputs, rng);
        return new TgcnNetwork(shape, p);
    }

    /// <inheritdoc />
    public TgcnWorkspace CreateWorkspace() => new(Shape);

    /// <summary>Inference: <paramref name="x"/> is Steps × Inputs, row-major; writes Outputs values.</summary>
    public void Predict(ReadOnlySpan<float> x, Span<float> output)
    {
        var s = Shape;
        var h = s.Hidden;
        Span<float> hidden = stackalloc float[h];
        Span<float> inputPre = stackalloc float[3 * h];
        Span<float> recurrentPre = stackalloc float[3 * h];
        hidden.Clear();
        for (var t = 0; t < s.Steps; t++)
        {
            Preactivations(x.Slice(t * s.Inputs, s.Inputs), hidden, inputPre, recurrentPre);
            for (var j = 0; j < h; j++)
            {
                var z = Sigmoid(inputPre[j] + recurrentPre[j]);
                var r = Sigmoid(inputPre[h + j] + recurrentPre[h + j]);
                var n = MathF.Tanh(inputPre[(2 * h) + j] + (r * recurrentPre[(2 * h) + j]));
                hidden[j] = ((1f - z) * n) + (z * hidden[j]);
            }
        }

        Head(hidden, output);
    }

    /// <inheritdoc />
    public float ForwardBackward(
        ReadOnlySpan<float> x, ReadOnlySpan<float> target, Span<float> gradient, float gradScale, TgcnWorkspace ws, Random? rng)
    {
        ArgumentNullException.ThrowIfNull(ws);
        var loss = Forward(x, target, ws, rng);
        Backward(x, target, gradient, gradScale, ws);
        return loss;
    }

    /// <summary>Forward pass keeping activations in the workspace; returns the MSE against the target.</summary>
    public float Forward(ReadOnlySpan<float> x, ReadOnlySpan<float> target, TgcnWorkspace ws, Random? rng)
    {
        ArgumentNullException.ThrowIfNull(ws);
        var s = Shape;
        var h = s.Hidden;
        Array.Clear(ws.Hidden, 0, h);
        for (var t = 0; t < s.Steps; t++)
        {
            var hPrev = ws.Hidden.AsSpan(t * h, h);
            var hNext = ws.Hidden.AsSpan((t + 1) * h, h);
            var z = ws.Update.AsSpan(t * h, h);
            var r = ws.Reset.AsSpan(t * h, h);
            var n = ws.Candidate.AsSpan(t * h, h);
            var rn = ws.RecurrentCandidate.AsSpan(t * h, h);
            Preactivations(x.Slice(t * s.Inputs, s.Inputs), hPrev, ws.InputPre, ws.RecurrentPre);
            TensorPrimitives.Add(ws.InputPre.AsSpan(0, h), ws.RecurrentPre.AsSpan(0, h), z);
            TensorPrimitives.Sigmoid(z, z);
            TensorPrimitives.Add(ws.InputPre.AsSpan(h, h), ws.RecurrentPre.AsSpan(h, h), r);
            TensorPrimitives.Sigmoid(r, r);
            ws.RecurrentPre.AsSpan(2 * h, h).CopyTo(rn);
            TensorPrimitives.MultiplyAdd(r, rn, ws.InputPre.AsSpan(2 * h, h), n);
            TensorPrimitives.Tanh(n, n);
            for (var j = 0; j < h; j++)
            {
                hNext[j] = ((1f - z[j]) * n[j]) + (z[j] * hPrev[j]);
            }
        }

        Head(ws.Hidden.AsSpan(s.Steps * h, h), ws.Output);
        var loss = 0f;
        for (var k = 0; k < s.Outputs; k++)
        {
            var e = ws.Output[k] - target[k];
            loss += e * e;
        }

        return loss / s.Outputs;
    }

    private void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> target, Span<float> grad, float scale, TgcnWorkspace ws)
    {
        var s = Shape;
        var h = s.Hidden;
        var p = Parameters.AsSpan();
        var last = ws.Hidden.AsSpan(s.Steps * h, h);
        Array.Clear(ws.Dh);
        for (var k = 0; k < s.Outputs; k++)
        {
            var d = 2f * (ws.Output[k] - target[k]) / s.Outputs * scale;
            var row = grad.Slice(s.Wo + (k * h), h);
            TensorPrimitives.MultiplyAdd(last, d, row, row);
            grad[s.Bo + k] += d;
            TensorPrimitives.MultiplyAdd(p.Slice(s.Wo + (k * h), h), d, ws.Dh, ws.Dh);
        }

        for (var t = s.Steps - 1; t >= 0; t--)
        {
            var hPrev = ws.Hidden.AsSpan(t * h, h);
            var z = ws.Update.AsSpan(t * h, h);
            var r = ws.Reset.AsSpan(t * h, h);
            var n = ws.Candidate.AsSpan(t * h, h);
            var rn = ws.RecurrentCandidate.AsSpan(t * h, h);
            for (var j = 0; j < h; j++)
            {
                var dh = ws.Dh[j];
                var dn = dh * (1f - z[j]) * (1f - (n[j] * n[j]));
                var dz = dh * (hPrev[j] - n[j]) * z[j] * (1f - z[j]);
                var dr = dn * rn[j] * r[j] * (1f - r[j]);
                ws.DhPrev[j] = dh * z[j];

                // The input path sees the candidate's pre-activation directly, the recurrence path through the reset gate.
                ws.DInput[j] = dz;
                ws.DInput[h + j] = dr;
                ws.DInput[(2 * h) + j] = dn;
                ws.DRecurrent[j] = dz;
                ws.DRecurrent[h + j] = dr;
                ws.DRecurrent[(2 * h) + j] = dn * r[j];
            }

            var xt = x.Slice(t * s.Inputs, s.Inputs);
            for (var row = 0; row < 3 * h; row++)
            {
                var di = ws.DInput[row];
                var dr = ws.DRecurrent[row];
                var wRow = grad.Slice(TgcnShape.W + (row * s.Inputs), s.Inputs);
                TensorPrimitives.MultiplyAdd(xt, di, wRow, wRow);
                var rRow = grad.Slice(s.R + (row * h), h);
                TensorPrimitives.MultiplyAdd(hPrev, dr, rRow, rRow);
                TensorPrimitives.MultiplyAdd(p.Slice(s.R + (row * h), h), dr, ws.DhPrev, ws.DhPrev);
            }

            TensorPrimitives.Add(grad.Slice(s.Wb, 3 * h), ws.DInput, grad.Slice(s.Wb, 3 * h));
            TensorPrimitives.Add(grad.Slice(s.Rb, 3 * h), ws.DRecurrent, grad.Slice(s.Rb, 3 * h));
            ws.DhPrev.CopyTo(ws.Dh, 0);
        }
    }

    private void Preactivations(ReadOnlySpan<float> xt, ReadOnlySpan<float> hPrev, Span<float> inputPre, Span<float> recurrentPre)
    {
        var s = Shape;
        var p = Parameters.AsSpan();
        for (var row = 0; row < 3 * s.Hidden; row++)
        {
            inputPre[row] = p[s.Wb + row] + TensorPrimitives.Dot(p.Slice(TgcnShape.W + (row * s.Inputs), s.Inputs), xt);
            recurrentPre[row] = p[s.Rb + row] + TensorPrimitives.Dot(p.Slice(s.R + (row * s.Hidden), s.Hidden), hPrev);
        }
    }

    private void Head(ReadOnlySpan<float> hidden, Span<float> output)
    {
        var s = Shape;
        var p = Parameters.AsSpan();
        for (var k = 0; k < s.Outputs; k++)
        {
            output[k] = p[s.Bo + k] + TensorPrimitives.Dot(p.Slice(s.Wo + (k * s.Hidden), s.Hidden), hidden);
        }
    }

    private static float Sigmoid(float v) => 1f / (1f + MathF.Exp(-v));
}
