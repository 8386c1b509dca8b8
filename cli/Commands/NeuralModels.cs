using TrafficOrleans.Forecasting.Training;

namespace TrafficOrleans.Cli.Commands;

/// <summary>
/// Which neural candidates a training or evaluation run trains (<c>--no-lstm</c>, <c>--no-tgcn</c>): both are slower
/// to train than the trees, and a first run that only needs a working champion can leave them out.
/// </summary>
internal readonly record struct NeuralModels(bool Lstm, bool Tgcn)
{
    /// <summary>The options with these candidates switched on or off.</summary>
    public TrainingOptions Apply(TrainingOptions options)
    {
        options.TrainLstm = Lstm;
        options.TrainTgcn = Tgcn;
        return options;
    }
}
