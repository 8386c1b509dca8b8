namespace TrafficOrleans.Forecasting.Training;

/// <summary>
/// What every network on a flat parameter vector shares: its shape, and a vector of exactly the length the shape lays
/// out (checked once here, so the layers can index it without bounds worries of their own).
/// </summary>
/// <typeparam name="TShape">The network's dimensions and parameter layout.</typeparam>
public abstract class FlatParameterNetwork<TShape> : IFlatNetwork
    where TShape : class, IFlatShape
{
    /// <summary>Wraps existing parameters (length <see cref="IFlatShape.ParameterCount"/>).</summary>
    protected FlatParameterNetwork(TShape shape, float[] parameters)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Length != shape.ParameterCount)
        {
            throw new ArgumentException("Parameter count does not match the shape.", nameof(parameters));
        }

        Shape = shape;
        Parameters = parameters;
    }

    /// <summary>The dimensions.</summary>
    public TShape Shape { get; }

    /// <summary>All weights and biases, laid out as <typeparamref name="TShape"/> describes.</summary>
    public float[] Parameters { get; }
}
