namespace TrafficOrleans.Forecasting.Tgcn;

/// <summary>Per-thread buffers of a forward/backward pass (activations kept for back-propagation through time).</summary>
public sealed class TgcnWorkspace
{
    /// <summary>Allocates buffers for a shape.</summary>
    public TgcnWorkspace(TgcnShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var h = shape.Hidden;
        Hidden = new float[(shape.Steps + 1) * h];
        Update = new float[shape.Steps * h];
        Reset = new float[shape.Steps * h];
        Candidate = new float[shape.Steps * h];
        RecurrentCandidate = new float[shape.Steps * h];
        InputPre = new float[3 * h];
        RecurrentPre = new float[3 * h];
        Output = new float[shape.Outputs];
        DOut = new float[shape.Outputs];
        Dh = new float[h];
        DhPrev = new float[h];
        DInput = new float[3 * h];
        DRecurrent = new float[3 * h];
    }

    internal float[] Hidden { get; }

    internal float[] Update { get; }

    internal float[] Reset { get; }

    internal float[] Candidate { get; }

    internal float[] RecurrentCandidate { get; }

    internal float[] InputPre { get; }

    internal float[] RecurrentPre { get; }

    /// <summary>Outputs of the last forward pass.</summary>
    public float[] Output { get; }

    internal float[] DOut { get; }

    internal float[] Dh { get; }

    internal float[] DhPrev { get; }

    internal float[] DInput { get; }

    internal float[] DRecurrent { get; }
}
