namespace TrafficOrleans.Forecasting.Training;

/// <summary>Training settings of the LSTM (architecture fixed by the design: 64 → 0.2 → 32 → 3).</summary>
public sealed class LstmOptions : NeuralTrainingOptions
{
    /// <summary>LSTM units.</summary>
    public int Hidden { get; set; } = 64;

    /// <summary>Dense units.</summary>
    public int Dense { get; set; } = 32;
}
