using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.Lstm;

namespace TrafficOrleans.Forecasting.Models;

/// <summary>
/// The in-process LSTM (see <see cref="LstmNetwork"/>) over the <see cref="SequenceLayout"/> input contract, served
/// through <see cref="LstmInference"/> (weights packed when the forecaster is made: the network is trained by then).
/// </summary>
public sealed class LstmForecaster : ISpeedForecaster
{
    /// <summary>Model family name.</summary>
    public const string ModelName = "lstm";

    private const int Format = 1;

    private readonly LstmInference _inference;

    /// <summary>Wraps a trained network.</summary>
    public LstmForecaster(string version, LstmNetwork network, SequenceLayout layout, HistoricalAverageForecaster? profile)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(layout);
        Version = version;
        Network = network;
        Layout = layout;
        Profile = profile;
        _inference = new LstmInference(network);
    }

    /// <inheritdoc />
    public string Name => ModelName;

    /// <inheritdoc />
    public string Version { get; }

    /// <summary>The network.</summary>
    public LstmNetwork Network { get; }

    /// <summary>The input/output contract.</summary>
    public SequenceLayout Layout { get; }

    /// <summary>Time-of-week profile for the profile features.</summary>
    public HistoricalAverageForecaster? Profile { get; }

    /// <summary>Needs half a window of real speeds.</summary>
    public bool CanForecast(in ForecastInput input) => input.ValidSteps >= ForecastHorizons.WindowSteps / 2;

    /// <inheritdoc />
    public SpeedForecast Forecast(in ForecastInput input)
    {
        Span<float> x = stackalloc float[ForecastHorizons.WindowSteps * Layout.Width];
        Span<float> y = stackalloc float[ForecastHorizons.Count];
        Layout.Fill(input, Profile, x);
        _inference.Predict(x, y);
        return Layout.ToForecast(input, y, Name, Version);
    }

    /// <summary>Writes shape, layout, profile and weights.</summary>
    public void Save(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var s = Network.Shape;
        writer.Write(Format);
        writer.Write(Version);
        writer.Write(s.Inputs);
        writer.Write(s.Steps);
        writer.Write(s.Hidden);
        writer.Write(s.Dense);
        writer.Write(s.Outputs);
        writer.Write(s.Dropout);
        writer.Write(string.Join(',', Layout.Features));
        writer.Write(Layout.SpeedScale);
        writer.Write(Layout.Residual);
        writer.Write(Profile is not null);
        Profile?.Save(writer);
        foreach (var p in Network.Parameters)
        {
            writer.Write(p);
        }
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static LstmForecaster Load(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.ReadInt32() != Format)
        {
            throw new InvalidDataException("Unknown lstm format.");
        }

        var version = reader.ReadString();
        var shape = new LstmShape(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadSingle());
        var layout = new SequenceLayout(reader.ReadString().Split(','), reader.ReadSingle(), reader.ReadBoolean());
        var profile = reader.ReadBoolean() ? HistoricalAverageForecaster.Load(reader) : null;
        var p = new float[shape.ParameterCount];
        for (var i = 0; i < p.Length; i++)
        {
            p[i] = reader.ReadSingle();
        }

        return new LstmForecaster(version, new LstmNetwork(shape, p), layout, profile);
    }
}
