using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.Lstm;
using TrafficOrleans.Forecasting.Models;
using TrafficOrleans.Forecasting.Tgcn;

namespace TrafficOrleans.Forecasting.Tests;

/// <summary>
/// The network forecasters' <c>model.bin</c> layout, spelled out field by field as the forecasters wrote it before
/// they shared <see cref="NetworkForecaster{TNetwork}"/> (format 1): saving must give exactly these bytes and loading
/// them must give the same model, so artefacts trained before keep loading.
/// </summary>
public sealed class NetworkArtefactLayoutTests
{
    [Fact]
    public void Lstm_artefact_keeps_its_layout_and_loads_back()
    {
        var layout = new SequenceLayout(["speed", "missing"], 100f, Residual: true);
        var shape = new LstmShape(layout.Width, 12, Hidden: 3, Dense: 2);
        var network = LstmNetwork.CreateRandom(shape, seed: 7);
        var expected = Bytes(w =>
        {
            w.Write(1);
            w.Write("lstm-old");
            w.Write(shape.Inputs);
            w.Write(shape.Steps);
            w.Write(shape.Hidden);
            w.Write(shape.Dense);
            w.Write(shape.Outputs);
            w.Write(shape.Dropout);
            w.Write("speed,missing");
            w.Write(100f);
            w.Write(true);
            w.Write(false); // no profile
            foreach (var p in network.Parameters) w.Write(p);
        });

        Assert.Equal(expected, Bytes(new LstmForecaster("lstm-old", network, layout, profile: null).Save));
        var loaded = LstmForecaster.Load(new BinaryReader(new MemoryStream(expected)));
        Assert.Equal("lstm-old", loaded.Version);
        Assert.Equal(shape, loaded.Network.Shape);
        Assert.Equal(layout.Features, loaded.Layout.Features);
        Assert.Equal(network.Parameters, loaded.Network.Parameters);
    }

    [Fact]
    public void Tgcn_artefact_keeps_its_layout_and_loads_back()
    {
        var shape = new TgcnShape(Hidden: 4);
        var network = TgcnNetwork.CreateRandom(shape, seed: 8);
        var expected = Bytes(w =>
        {
            w.Write(1);
            w.Write("tgcn-old");
            w.Write(shape.Inputs);
            w.Write(shape.Steps);
            w.Write(shape.Hidden);
            w.Write(shape.Outputs);
            w.Write(2); // neighbour counts, ordered by road id
            w.Write("a");
            w.Write(3);
            w.Write("b");
            w.Write(0);
            foreach (var p in network.Parameters) w.Write(p);
        });

        Assert.Equal(expected, Bytes(new TgcnForecaster("tgcn-old", network, new Dictionary<string, int> { ["b"] = 0, ["a"] = 3 }).Save));
        var loaded = TgcnForecaster.Load(new BinaryReader(new MemoryStream(expected)));
        Assert.Equal("tgcn-old", loaded.Version);
        Assert.Equal(shape, loaded.Network.Shape);
        Assert.Equal(3, loaded.NeighbourCounts["a"]);
        Assert.Equal(network.Parameters, loaded.Network.Parameters);
    }

    [Fact]
    public void Artefact_of_an_unknown_format_is_refused()
    {
        var bytes = Bytes(w => w.Write(2));

        Assert.Throws<InvalidDataException>(() => LstmForecaster.Load(new BinaryReader(new MemoryStream(bytes))));
        Assert.Throws<InvalidDataException>(() => TgcnForecaster.Load(new BinaryReader(new MemoryStream(bytes))));
    }

    private static byte[] Bytes(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            write(writer);
        }

        return stream.ToArray();
    }
}
