namespace TrafficOrleans.Forecasting.Training;

/// <summary>Settings shared by the networks trained in C# (<see cref="NeuralTrainingLoop"/>).</summary>
public class NeuralTrainingOptions
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

    /// <summary>
    /// Worker threads computing gradients of a batch. Each worker sums a fixed subset of the batch and the workers'
    /// sums are added in worker order, so a given thread count gives bit-identical training runs.
    /// </summary>
    public int Threads { get; set; } = 2;

    /// <summary>Random seed (initial weights, epoch subsets, dropout).</summary>
    public int Seed { get; set; } = 7;
}
