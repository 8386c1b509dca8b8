using System.Globalization;
using TrafficOrleans.Forecasting.Tgcn;
using static TrafficOrleans.Forecasting.Onnx.OnnxGraph;

namespace TrafficOrleans.Forecasting.Onnx;

/// <summary>
/// Writes a <see cref="TgcnNetwork"/> as an ONNX model (opset 13): input <c>input</c> float32 [batch, 12, 2] (the
/// <see cref="GraphConvolution"/> channels), Transpose → GRU (linear_before_reset = 1) → Squeeze → Gemm, output
/// <c>output</c> float32 [batch, 3] (change of the speed ratio at 10/20/30 min). The parameter blocks are already in
/// ONNX's order (z, r, n), so they are copied as they are.
/// </summary>
public static class OnnxTgcnExporter
{
    /// <summary>Metadata value of <see cref="OnnxContract.FeaturesKey"/>: the per-step channels.</summary>
    public const string Features = "speed_ratio,graph_conv_speed_ratio";

    /// <summary>The model as ONNX protobuf bytes.</summary>
    public static byte[] Export(TgcnNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var s = network.Shape;
        var p = network.Parameters.AsSpan();
        var h = s.Hidden;
        var transB = new ProtoWriter().String(1, "transB").Varint(20, 2).Varint(3, 1);
        var gru = new ProtoWriter().String(1, "hidden_size").Varint(20, 2).Varint(3, h);
        var linearBeforeReset = new ProtoWriter().String(1, "linear_before_reset").Varint(20, 2).Varint(3, 1);
        var gruNode = Node("GRU", ["x_tm", "W", "R", "B"], ["", "h_last"], gru).Message(5, linearBeforeReset);
        var graph = new ProtoWriter()
            .Message(1, Node("Transpose", [OnnxContract.InputName], ["x_tm"], new ProtoWriter().String(1, "perm").Varint(20, 7).Varint(8, 1).Varint(8, 0).Varint(8, 2)))
            .Message(1, gruNode)
            .Message(1, Node("Squeeze", ["h_last", "axes0"], ["h"], null))
            .Message(1, Node("Gemm", ["h", "Wo", "Bo"], [OnnxContract.OutputName], transB))
            .String(2, "trafficorleans_tgcn")
            .Message(5, FloatTensor("W", [1, 3 * h, s.Inputs], p.Slice(TgcnShape.W, 3 * h * s.Inputs).ToArray()))
            .Message(5, FloatTensor("R", [1, 3 * h, h], p.Slice(s.R, 3 * h * h).ToArray()))
            .Message(5, FloatTensor("B", [1, 6 * h], p.Slice(s.Wb, 6 * h).ToArray()))
            .Message(5, new ProtoWriter().Varint(1, 1).Varint(2, Int64Type).Varint(7, 0).String(8, "axes0"))
            .Message(5, FloatTensor("Wo", [s.Outputs, h], p.Slice(s.Wo, s.Outputs * h).ToArray()))
            .Message(5, FloatTensor("Bo", [s.Outputs], p.Slice(s.Bo, s.Outputs).ToArray()))
            .Message(11, ValueInfo(OnnxContract.InputName, ["batch", s.Steps.ToString(CultureInfo.InvariantCulture), s.Inputs.ToString(CultureInfo.InvariantCulture)]))
            .Message(12, ValueInfo(OnnxContract.OutputName, ["batch", s.Outputs.ToString(CultureInfo.InvariantCulture)]));
        return Model(graph, (OnnxContract.FeaturesKey, Features), (OnnxContract.ResidualKey, "true"));
    }
}
