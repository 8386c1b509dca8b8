using System.Numerics.Tensors;

namespace TrafficOrleans.Forecasting.Lstm;

/// <summary>
/// The serving forward pass of a trained <see cref="LstmNetwork"/> (no dropout), over a copy of its weights packed
/// for speed: the input and recurrent weights of all four gates form one matrix with a row per input value
/// (the step's features, then the previous hidden state), so a step is one fused product accumulated as
/// F + H vectorised multiply-adds of 4H floats, instead of 2 × 4H short dot products. The gate activations and the
/// cell update run on <see cref="TensorPrimitives"/> too. Thread-safe and allocation-free: buffers are a
/// per-thread workspace, grown once.
/// </summary>
/// <remarks>
/// The packed copy is taken at construction, so later changes to <see cref="LstmNetwork.Parameters"/> (training)
/// are not seen; build one per trained network. Results differ from the training <see cref="LstmNetwork.Forward"/>
/// only by float summation order (well within 1e-5).
/// </remarks>
public sealed class LstmInference
{
    [ThreadStatic]
    private static float[]? t_workspace;

    private readonly LstmShape _shape;

    // Row k (k < Inputs: feature k of the step; then hidden unit k − Inputs) holds that value's weight to each of the
    // 4H gate pre-activations, in the gate order i, f, g, o of LstmShape.
    private readonly float[] _gateWeights;
    private readonly float[] _gateBias;
    private readonly float[] _dense;
    private readonly float[] _denseBias;
    private readonly float[] _output;
    private readonly float[] _outputBias;

    /// <summary>Packs the network's current weights.</summary>
    public LstmInference(LstmNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var s = network.Shape;
        var p = network.Parameters.AsSpan();
        var gates = 4 * s.Hidden;
        _shape = s;
        _gateWeights = new float[(s.Inputs + s.Hidden) * gates];
        for (var r = 0; r < gates; r++)
        {
            for (var f = 0; f < s.Inputs; f++)
            {
                _gateWeights[(f * gates) + r] = p[LstmShape.Wx + (r * s.Inputs) + f];
            }

            for (var k = 0; k < s.Hidden; k++)
            {
                _gateWeights[((s.Inputs + k) * gates) + r] = p[s.Wh + (r * s.Hidden) + k];
            }
        }

        _gateBias = p.Slice(s.B, gates).ToArray();
        _dense = p.Slice(s.W1, s.Dense * s.Hidden).ToArray();
        _denseBias = p.Slice(s.B1, s.Dense).ToArray();
        _output = p.Slice(s.W2, s.Outputs * s.Dense).ToArray();
        _outputBias = p.Slice(s.B2, s.Outputs).ToArray();
    }

    /// <summary>The dimensions.</summary>
    public LstmShape Shape => _shape;

    /// <summary>Inference: <paramref name="x"/> is Steps × Inputs, row-major; writes Outputs values.</summary>
    public void Predict(ReadOnlySpan<float> x, Span<float> output)
    {
        var s = _shape;
        var h = s.Hidden;
        var gates = 4 * h;
        var ws = Workspace((6 * h) + s.Dense);
        var z = ws[..gates];
        var hidden = ws.Slice(gates, h);
        var cell = ws.Slice(gates + h, h);
        var dense = ws.Slice(gates + (2 * h), s.Dense);
        hidden.Clear();
        cell.Clear();
        var weights = _gateWeights.AsSpan();
        for (var t = 0; t < s.Steps; t++)
        {
            _gateBias.CopyTo(z);
            var xt = x.Slice(t * s.Inputs, s.Inputs);
            for (var f = 0; f < s.Inputs; f++)
            {
                TensorPrimitives.MultiplyAdd(weights.Slice(f * gates, gates), xt[f], z, z);
            }

            // The first step starts from h = 0, whose recurrent term is zero.
            if (t > 0)
            {
                for (var k = 0; k < h; k++)
                {
                    TensorPrimitives.MultiplyAdd(weights.Slice((s.Inputs + k) * gates, gates), hidden[k], z, z);
                }
            }

            var input = z[..h];
            var forget = z.Slice(h, h);
            var candidate = z.Slice(2 * h, h);
            var outputGate = z.Slice(3 * h, h);
            TensorPrimitives.Sigmoid(z[..(2 * h)], z[..(2 * h)]);
            TensorPrimitives.Tanh(candidate, candidate);
            TensorPrimitives.Sigmoid(outputGate, outputGate);

            // c = f ⊙ c + i ⊙ g, then h = o ⊙ tanh(c); the candidate slot is free by then and holds tanh(c).
            TensorPrimitives.Multiply(forget, cell, cell);
            TensorPrimitives.MultiplyAdd(input, candidate, cell, cell);
            TensorPrimitives.Tanh(cell, candidate);
            TensorPrimitives.Multiply(outputGate, candidate, hidden);
        }

        for (var d = 0; d < s.Dense; d++)
        {
            dense[d] = MathF.Max(0f, _denseBias[d] + TensorPrimitives.Dot(_dense.AsSpan(d * h, h), hidden));
        }

        for (var k = 0; k < s.Outputs; k++)
        {
            output[k] = _outputBias[k] + TensorPrimitives.Dot(_output.AsSpan(k * s.Dense, s.Dense), dense);
        }
    }

    private static Span<float> Workspace(int length)
    {
        var ws = t_workspace;
        if (ws is null || ws.Length < length)
        {
            t_workspace = ws = new float[length];
        }

        return ws.AsSpan(0, length);
    }
}
