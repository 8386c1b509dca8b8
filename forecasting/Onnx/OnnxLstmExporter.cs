using System.Globalization;
using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.Lstm;
using static TrafficOrleans.Forecasting.Onnx.OnnxGraph;

namespace TrafficOrleans.Forecasting.Onnx;

/// <summary>
/// Writes an <see cref="LstmNetwork"/> as an ONNX model (opset 13) following <see cref="OnnxContract"/>:
/// Transpose → LSTM → Squeeze → Gemm → Relu → Gemm. Used to serve the C# LSTM through ONNX Runtime and to check
/// the ONNX path against the in-process implementation.
/// </summary>
public static class OnnxLstmExporter
{
    /// <summary>The model as ONNX protobuf bytes.</summary>
    public static byte[] Export(LstmNetwork network, SequenceLayout layout)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(layout);
        var s = network.Shape;
        var p = network.Parameters;
        var h = s.Hidden;

        // ONNX orders gates i, o, f, c; ours are i, f, g(c), o.
        int[] order = [0, 3, 1, 2];
        var w = new float[4 * h * s.Inputs];
        var r = new float[4 * h * h];
        var b = new float[8 * h];
        for (var k = 0; k < 4; k++)
        {
            var src = order[k];
            Array.Copy(p, LstmShape.Wx + (src * h * s.Inputs), w, k * h * s.Inputs, h * s.Inputs);
            Array.Copy(p, s.Wh + (src * h * h), r, k * h * h, h * h);
            Array.Copy(p, s.B + (src * h), b, k * h, h);
        }

        var graph = new ProtoWriter()
            .Message(1, Node("Transpose", [OnnxContract.InputName], ["x_tm"], new ProtoWriter().String(1, "perm").Varint(20, 7).Varint(8, 1).Varint(8, 0).Varint(8, 2)))
            .Message(1, Node("LSTM", ["x_tm", "W", "R", "B"], ["", "h_last"], new ProtoWriter().String(1, "hidden_size").Varint(20, 2).Varint(3, h)))
            .Message(1, Node("Squeeze", ["h_last", "axes0"], ["h"], null))
            .Message(1, Node("Gemm", ["h", "W1", "B1"], ["d1"], new ProtoWriter().String(1, "transB").Varint(20, 2).Varint(3, 1)))
            .Message(1, Node("Relu", ["d1"], ["a1"], null))
            .Message(1, Node("Gemm", ["a1", "W2", "B2"], [OnnxContract.OutputName], new ProtoWriter().String(1, "transB").Varint(20, 2).Varint(3, 1)))
            .String(2, "trafficorleans_lstm")
            .Message(5, FloatTensor("W", [1, 4 * h, s.Inputs], w))
            .Message(5, FloatTensor("R", [1, 4 * h, h], r))
            .Message(5, FloatTensor("B", [1, 8 * h], b))
            .Message(5, new ProtoWriter().Varint(1, 1).Varint(2, Int64Type).Varint(7, 0).String(8, "axes0"))
            .Message(5, FloatTensor("W1", [s.Dense, h], p.AsSpan(s.W1, s.Dense * h).ToArray()))
            .Message(5, FloatTensor("B1", [s.Dense], p.AsSpan(s.B1, s.Dense).ToArray()))
            .Message(5, FloatTensor("W2", [s.Outputs, s.Dense], p.AsSpan(s.W2, s.Outputs * s.Dense).ToArray()))
            .Message(5, FloatTensor("B2", [s.Outputs], p.AsSpan(s.B2, s.Outputs).ToArray()))
            .Message(11, ValueInfo(OnnxContract.InputName, ["batch", s.Steps.ToString(CultureInfo.InvariantCulture), s.Inputs.ToString(CultureInfo.InvariantCulture)]))
            .Message(12, ValueInfo(OnnxContract.OutputName, ["batch", s.Outputs.ToString(CultureInfo.InvariantCulture)]));

        return Model(
            graph,
            (OnnxContract.FeaturesKey, string.Join(',', layout.Features)),
            (OnnxContract.ScaleKey, layout.SpeedScale.ToString(CultureInfo.InvariantCulture)),
            (OnnxContract.ResidualKey, layout.Residual ? "true" : "false"));
    }
}
