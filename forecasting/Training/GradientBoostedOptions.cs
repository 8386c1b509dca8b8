namespace TrafficOrleans.Forecasting.Training;

/// <summary>Hyper-parameters of the LightGBM models.</summary>
public sealed class GradientBoostedOptions
{
    /// <summary>Maximum boosting rounds per horizon.</summary>
    public int Iterations { get; set; } = 200;

    /// <summary>Shrinkage.</summary>
    public double LearningRate { get; set; } = 0.08;

    /// <summary>Maximum leaves per tree.</summary>
    public int Leaves { get; set; } = 31;

    /// <summary>Minimum rows in a leaf.</summary>
    public int MinRowsPerLeaf { get; set; } = 50;

    /// <summary>Training rows are subsampled evenly to at most this many (bounds time and memory on big datasets).</summary>
    public int MaxRows { get; set; } = 120_000;

    /// <summary>
    /// Stop a horizon's boosting when validation MAE has not improved for this many rounds (0 = never stop early).
    /// Only used when the trainer is given validation samples.
    /// </summary>
    public int EarlyStoppingRounds { get; set; } = 20;

    /// <summary>Random seed.</summary>
    public int Seed { get; set; } = 1;
}
