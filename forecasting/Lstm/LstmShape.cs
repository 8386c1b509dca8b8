using TrafficOrleans.Forecasting.Training;

namespace TrafficOrleans.Forecasting.Lstm;

/// <summary>Dimensions of the network: LSTM(Hidden) → Dropout → Dense(Dense, ReLU) → Dense(Outputs).</summary>
/// <param name="Inputs">Features per time step.</param>
/// <param name="Steps">Time steps per sequence.</param>
/// <param name="Hidden">LSTM units (64 in the design).</param>
/// <param name="Dense">Units of the hidden dense layer (32 in the design).</param>
/// <param name="Outputs">Outputs (3 horizons).</param>
/// <param name="Dropout">Dropout rate on the LSTM's last hidden state during training (0.2 in the design).</param>
public sealed record LstmShape(int Inputs, int Steps = 12, int Hidden = 64, int Dense = 32, int Outputs = 3, float Dropout = 0.2f) : IFlatShape
{
    /// <summary>Offset of the input weights Wx [4H × F] (gate order i, f, g, o).</summary>
    public static int Wx => 0;

    /// <summary>Offset of the recurrent weights Wh [4H × H].</summary>
    public int Wh => Wx + (4 * Hidden * Inputs);

    /// <summary>Offset of the gate bias [4H].</summary>
    public int B => Wh + (4 * Hidden * Hidden);

    /// <summary>Offset of the dense weights W1 [Dense × H].</summary>
    public int W1 => B + (4 * Hidden);

    /// <summary>Offset of the dense bias [Dense].</summary>
    public int B1 => W1 + (Dense * Hidden);

    /// <summary>Offset of the output weights W2 [Outputs × Dense].</summary>
    public int W2 => B1 + Dense;

    /// <summary>Offset of the output bias [Outputs].</summary>
    public int B2 => W2 + (Outputs * Dense);

    /// <summary>Total number of parameters.</summary>
    public int ParameterCount => B2 + Outputs;
}
