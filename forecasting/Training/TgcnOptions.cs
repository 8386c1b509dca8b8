namespace TrafficOrleans.Forecasting.Training;

/// <summary>Training settings of the T-GCN (<see cref="Tgcn.TgcnNetwork"/>); the loop's settings are inherited.</summary>
public sealed class TgcnOptions : NeuralTrainingOptions
{
    /// <summary>Creates the defaults: smaller epochs and a higher learning rate than the LSTM's, to keep Los-loop training to a few minutes on 2 shared cores.</summary>
    public TgcnOptions()
    {
        MaxEpochs = 10;
        SamplesPerEpoch = 10_000;
        LearningRate = 0.003f;
    }

    /// <summary>GRU units.</summary>
    public int Hidden { get; set; } = 24;
}
