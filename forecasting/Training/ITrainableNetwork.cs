namespace TrafficOrleans.Forecasting.Training;

/// <summary>A network on a flat parameter vector with a hand-written backward pass, trainable by <see cref="NeuralTrainingLoop"/>.</summary>
/// <typeparam name="TWorkspace">Per-thread activation buffers.</typeparam>
public interface ITrainableNetwork<TWorkspace> : IFlatNetwork
{
    /// <summary>Buffers for one thread's forward/backward passes.</summary>
    TWorkspace CreateWorkspace();

    /// <summary>Adds d(loss)/d(parameters) × <paramref name="gradScale"/> to <paramref name="gradient"/>; returns the loss.</summary>
    float ForwardBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> target, Span<float> gradient, float gradScale, TWorkspace ws, Random? rng);

    /// <summary>Forward pass only (a null <paramref name="rng"/> disables any dropout); returns the loss.</summary>
    float Forward(ReadOnlySpan<float> x, ReadOnlySpan<float> target, TWorkspace ws, Random? rng);
}
