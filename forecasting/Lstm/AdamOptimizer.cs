namespace TrafficOrleans.Forecasting.Lstm;

/// <summary>Adam (Kingma &amp; Ba) with Keras' defaults: lr 0.001, β1 0.9, β2 0.999, ε 1e-7.</summary>
public sealed class AdamOptimizer
{
    private readonly float[] _m;
    private readonly float[] _v;
    private readonly float _lr;
    private int _t;

    /// <summary>Creates an optimizer for a parameter vector of the given length.</summary>
    public AdamOptimizer(int parameters, float learningRate = 0.001f)
    {
        _m = new float[parameters];
        _v = new float[parameters];
        _lr = learningRate;
    }

    /// <summary>Applies one update with the (already batch-averaged) gradient.</summary>
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradient)
    {
        const float b1 = 0.9f, b2 = 0.999f, eps = 1e-7f;
        _t++;
        var c1 = 1f - MathF.Pow(b1, _t);
        var c2 = 1f - MathF.Pow(b2, _t);
        for (var i = 0; i < parameters.Length; i++)
        {
            var g = gradient[i];
            _m[i] = (b1 * _m[i]) + ((1 - b1) * g);
            _v[i] = (b2 * _v[i]) + ((1 - b2) * g * g);
            parameters[i] -= _lr * (_m[i] / c1) / (MathF.Sqrt(_v[i] / c2) + eps);
        }
    }
}
