namespace TrafficOrleans.Forecasting.Training;

/// <summary>A network whose weights and biases are one flat vector (what the optimiser updates and artefacts store).</summary>
public interface IFlatNetwork
{
    /// <summary>All weights and biases; the optimiser updates them in place.</summary>
    float[] Parameters { get; }
}
