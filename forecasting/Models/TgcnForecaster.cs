using System.Collections.Frozen;
using TrafficOrleans.Forecasting.Tgcn;

namespace TrafficOrleans.Forecasting.Models;

/// <summary>
/// T-GCN served one road at a time: <see cref="GraphConvolution"/> over the road's neighbourhood window (its own
/// speeds and its neighbours' mean ratio), a <see cref="TgcnNetwork"/> shared by every road of the graph, and the
/// change of the speed ratio from the newest reading as output. Roads unknown to the model's graph, or inputs
/// without neighbour ratios, are convolved over the road alone.
/// </summary>
public sealed class TgcnForecaster : NetworkForecaster<TgcnNetwork>
{
    /// <summary>Model family name.</summary>
    public const string ModelName = "tgcn";

    private const int Format = 1;

    /// <summary>Wraps a trained network and the graph's neighbour counts.</summary>
    public TgcnForecaster(string version, TgcnNetwork network, IReadOnlyDictionary<string, int> neighbourCounts)
        : base(version, network, Format)
    {
        ArgumentNullException.ThrowIfNull(neighbourCounts);
        NeighbourCounts = neighbourCounts.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public override string Name => ModelName;

    /// <summary>Neighbour count per road id of the graph the model was trained on.</summary>
    public FrozenDictionary<string, int> NeighbourCounts { get; }

    /// <summary>Needs half a window of real speeds and a free-flow speed to normalise by.</summary>
    public override bool CanForecast(in ForecastInput input) => input.ValidSteps >= ForecastHorizons.WindowSteps / 2 && input.FreeFlowSpeed > 0;

    /// <inheritdoc />
    public override SpeedForecast Forecast(in ForecastInput input)
    {
        Span<float> x = stackalloc float[ForecastHorizons.WindowSteps * GraphConvolution.Channels];
        Span<float> y = stackalloc float[ForecastHorizons.Count];
        var last = Encode(input, x);
        Network.Predict(x, y);
        var ff = input.FreeFlowSpeed;
        return new SpeedForecast(Speed(last, y[0], ff), Speed(last, y[1], ff), Speed(last, y[2], ff), Name, Version);
    }

    /// <summary>The network input for <paramref name="input"/>; returns the newest speed ratio.</summary>
    public float Encode(in ForecastInput input, Span<float> x) =>
        GraphConvolution.Fill(input, NeighbourCounts.GetValueOrDefault(input.RoadId), x);

    /// <summary>Writes the shape and the graph's neighbour counts (the weights follow, see <see cref="NetworkForecaster{TNetwork}"/>).</summary>
    protected override void WriteModel(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var s = Network.Shape;
        writer.Write(s.Inputs);
        writer.Write(s.Steps);
        writer.Write(s.Hidden);
        writer.Write(s.Outputs);
        writer.Write(NeighbourCounts.Count);
        foreach (var (road, count) in NeighbourCounts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            writer.Write(road);
            writer.Write(count);
        }
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static TgcnForecaster Load(BinaryReader reader)
    {
        var version = NetworkArtefact.ReadVersion(reader, Format, ModelName);
        var shape = new TgcnShape(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var n = reader.ReadInt32(); n > 0; n--)
        {
            counts[reader.ReadString()] = reader.ReadInt32();
        }

        var p = NetworkArtefact.ReadParameters(reader, shape.ParameterCount);
        return new TgcnForecaster(version, new TgcnNetwork(shape, p), counts);
    }

    // Speeds stay non-negative: a predicted drop larger than the current speed means standstill.
    private static float Speed(float lastRatio, float change, float freeFlow) => MathF.Max(0f, (lastRatio + change) * freeFlow);
}
