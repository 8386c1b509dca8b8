namespace TrafficOrleans.Forecasting.Training;

/// <summary>Dimensions of a network whose weights and biases are laid out in one flat vector.</summary>
public interface IFlatShape
{
    /// <summary>Length of the flat parameter vector.</summary>
    int ParameterCount { get; }
}
