namespace TrafficOrleans.Forecasting.Training;

/// <summary>Training settings of the LSTM (architecture fixed by the design: 64 → 0.2 → 32 → 3).</summary>
public sealed class LstmOptions
{
    /// <summary>Maximum epochs.</summary>
    public int MaxEpochs { get; set; } = 12;

    /// <summary>Epochs without validation improvement before stopping (best weights are restored).</summary>
    public int Patience { get; set; } = 3;

    /// <summary>Sequences per mini-batch.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Training sequences drawn (without replacement) per epoch; bounds epoch time on large datasets.</summary>
    public int SamplesPerEpoch { get; set; } = 20_000;

    /// <summary>Validation sequences used for early stopping.</summary>
    public int ValidationSamples { get; set; } = 4_000;

    /// <summary>Adam learning rate.</summary>
    public float LearningRate { get; set; } = 0.001f;

    /// <summary>LSTM units.</summary>
    public int Hidden { get; set; } = 64;

    /// <summary>Dense units.</summary>
    public int Dense { get; set; } = 32;

    /// <summary>Worker threads computing gradients of a batch.</summary>
    public int Threads { get; set; } = 2;

    /// <summary>Random seed.</summary>
    public int Seed { get; set; } = 7;
}
