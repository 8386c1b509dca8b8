namespace TrafficOrleans.Forecasting.Lstm;

/// <summary>Per-thread buffers of a forward/backward pass (activations kept for back-propagation through time).</summary>
public sealed class LstmWorkspace
{
    /// <summary>Allocates buffers for a shape.</summary>
    public LstmWorkspace(LstmShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var h = shape.Hidden;
        Gates = new float[shape.Steps * 4 * h];
        Cell = new float[(shape.Steps + 1) * h];
        Hidden = new float[(shape.Steps + 1) * h];
        TanhCell = new float[shape.Steps * h];
        Dropped = new float[h];
        Mask = new float[h];
        DenseOut = new float[shape.Dense];
        Output = new float[shape.Outputs];
        Dz = new float[4 * h];
        Dh = new float[h];
        Dc = new float[h];
        DDense = new float[shape.Dense];
        DOut = new float[shape.Outputs];
    }

    internal float[] Gates { get; }

    internal float[] Cell { get; }

    internal float[] Hidden { get; }

    internal float[] TanhCell { get; }

    internal float[] Dropped { get; }

    internal float[] Mask { get; }

    internal float[] DenseOut { get; }

    /// <summary>Outputs of the last forward pass.</summary>
    public float[] Output { get; }

    internal float[] Dz { get; }

    internal float[] Dh { get; }

    internal float[] Dc { get; }

    internal float[] DDense { get; }

    internal float[] DOut { get; }
}
