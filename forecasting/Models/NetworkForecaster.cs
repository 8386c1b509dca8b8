using TrafficOrleans.Forecasting.Training;

namespace TrafficOrleans.Forecasting.Models;

/// <summary>
/// What the forecasters of flat-parameter networks (LSTM, T-GCN) share: name, version, the trained network, and the
/// framing of their artefact (<c>model.bin</c>): format number and version first, then what the model writes of its
/// own (<see cref="WriteModel"/>: shape and context), then the weights as float32. Each model's <c>Load</c> reads
/// the same order through <see cref="NetworkArtefact"/>.
/// </summary>
/// <typeparam name="TNetwork">The network type.</typeparam>
public abstract class NetworkForecaster<TNetwork> : ISpeedForecaster
    where TNetwork : class, IFlatNetwork
{
    private readonly int _format;

    /// <summary>Wraps a trained network whose artefact uses format number <paramref name="format"/>.</summary>
    protected NetworkForecaster(string version, TNetwork network, int format)
    {
        ArgumentNullException.ThrowIfNull(network);
        Version = version;
        Network = network;
        _format = format;
    }

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public string Version { get; }

    /// <summary>The network.</summary>
    public TNetwork Network { get; }

    /// <inheritdoc />
    public abstract bool CanForecast(in ForecastInput input);

    /// <inheritdoc />
    public abstract SpeedForecast Forecast(in ForecastInput input);

    /// <summary>Writes the artefact: format, version, the model's own part, the weights.</summary>
    public void Save(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_format);
        writer.Write(Version);
        WriteModel(writer);
        foreach (var p in Network.Parameters)
        {
            writer.Write(p);
        }
    }

    /// <summary>Writes what the model needs besides its weights (shape, input layout, graph…).</summary>
    protected abstract void WriteModel(BinaryWriter writer);
}
