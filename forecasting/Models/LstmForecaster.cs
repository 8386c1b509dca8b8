using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.Lstm;

namespace TrafficOrleans.Forecasting.Models;

/// <summary>
/// The in-process LSTM (see <see cref="LstmNetwork"/>) over the <see cref="SequenceLayout"/> input contract, served
/// through <see cref="LstmInference"/> (weights packed when the forecaster is made: the network is trained by then).
/// </summary>
public sealed class LstmForecaster : NetworkForecaster<LstmNetwork>
{
    /// <summary>Model family name.</summary>
    public const string ModelName = "lstm";

    private const int Format = 1;

    private readonly LstmInference _inference;

    /// <summary>Wraps a trained network.</summary>
    public LstmForecaster(string version, LstmNetwork network, SequenceLayout layout, HistoricalAverageForecaster? profile)
        : base(version, network, Format)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Layout = layout;
        Profile = profile;
        _inference = new LstmInference(network);
    }

    /// <inheritdoc />
    public override string Name => ModelName;

    /// <summary>The input/output contract.</summary>
    public SequenceLayout Layout { get; }

    /// <summary>Time-of-week profile for the profile features.</summary>
    public HistoricalAverageForecaster? Profile { get; }

    /// <summary>Needs half a window of real speeds.</summary>
    public override bool CanForecast(in ForecastInput input) => input.ValidSteps >= ForecastHorizons.WindowSteps / 2;

    /// <inheritdoc />
    public override SpeedForecast Forecast(in ForecastInput input)
    {
        Span<float> x = stackalloc float[ForecastHorizons.WindowSteps * Layout.Width];
        Span<float> y = stackalloc float[ForecastHorizons.Count];
        Layout.Fill(input, Profile, x);
        _inference.Predict(x, y);
        return Layout.ToForecast(input, y, Name, Version);
    }

    /// <summary>Writes shape, layout and profile (the weights follow, see <see cref="NetworkForecaster{TNetwork}"/>).</summary>
    protected override void WriteModel(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var s = Network.Shape;
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
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static LstmForecaster Load(BinaryReader reader)
    {
        var version = NetworkArtefact.ReadVersion(reader, Format, ModelName);
        var shape = new LstmShape(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadSingle());
        var layout = new SequenceLayout(reader.ReadString().Split(','), reader.ReadSingle(), reader.ReadBoolean());
        var profile = reader.ReadBoolean() ? HistoricalAverageForecaster.Load(reader) : null;
        var p = NetworkArtefact.ReadParameters(reader, shape.ParameterCount);
        return new LstmForecaster(version, new LstmNetwork(shape, p), layout, profile);
    }
}
