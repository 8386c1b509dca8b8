using TrafficOrleans.Forecasting.Training;

namespace TrafficOrleans.Forecasting.Tgcn;

/// <summary>
/// Dimensions and parameter layout of <see cref="TgcnNetwork"/>: a GRU over the graph-convolved inputs, then a linear
/// head. The layout follows ONNX's GRU (gate order z, r, n; input and recurrence biases kept apart;
/// linear_before_reset = 1) so the export copies blocks instead of reordering them.
/// </summary>
/// <param name="Inputs">Channels per time step (own ratio, graph-convolved ratio).</param>
/// <param name="Steps">Time steps per sequence.</param>
/// <param name="Hidden">GRU units.</param>
/// <param name="Outputs">Outputs (3 horizons).</param>
public sealed record TgcnShape(int Inputs = 2, int Steps = 12, int Hidden = 32, int Outputs = 3) : IFlatShape
{
    /// <summary>Offset of the input weights W [3H × Inputs].</summary>
    public static int W => 0;

    /// <summary>Offset of the recurrent weights R [3H × H].</summary>
    public int R => W + (3 * Hidden * Inputs);

    /// <summary>Offset of the input bias Wb [3H].</summary>
    public int Wb => R + (3 * Hidden * Hidden);

    /// <summary>Offset of the recurrence bias Rb [3H].</summary>
    public int Rb => Wb + (3 * Hidden);

    /// <summary>Offset of the head weights Wo [Outputs × H].</summary>
    public int Wo => Rb + (3 * Hidden);

    /// <summary>Offset of the head bias [Outputs].</summary>
    public int Bo => Wo + (Outputs * Hidden);

    /// <summary>Total number of parameters.</summary>
    public int ParameterCount => Bo + Outputs;
}
