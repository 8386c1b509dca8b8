namespace TrafficOrleans.Forecasting.Training;

/// <summary>Settings of a training run.</summary>
public sealed class TrainingOptions
{
    /// <summary>Share of the time span used for training (incl. validation); the rest is the test window.</summary>
    public double TrainFraction { get; set; } = 0.8;

    /// <summary>Share of the training span, at its end, held out as the validation window.</summary>
    public double ValidationFraction { get; set; } = 0.15;

    /// <summary>Width of the historical-average time-of-week slots.</summary>
    public int ProfileSlotMinutes { get; set; } = 15;

    /// <summary>LightGBM settings.</summary>
    public GradientBoostedOptions Trees { get; set; } = new();

    /// <summary>LSTM settings.</summary>
    public LstmOptions Lstm { get; set; } = new();

    /// <summary>Whether to train the LSTM (the slowest model).</summary>
    public bool TrainLstm { get; set; } = true;

    /// <summary>T-GCN settings.</summary>
    public TgcnOptions Tgcn { get; set; } = new();

    /// <summary>Whether to train the T-GCN (graph convolution + GRU).</summary>
    public bool TrainTgcn { get; set; } = true;

    /// <summary>Evaluation uses at most this many samples per window (evenly spaced), bounding LSTM scoring time.</summary>
    public int MaxEvaluationSamples { get; set; } = 200_000;

    /// <summary>Clock for version stamps.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;
}
