using System.Globalization;

namespace TrafficOrleans.Forecasting.Onnx;

/// <summary>Building blocks of the hand-written ONNX exporters (ModelProto, NodeProto, TensorProto, ValueInfoProto).</summary>
internal static class OnnxGraph
{
    internal const int FloatType = 1;
    internal const int Int64Type = 7;

    /// <summary>A ModelProto (IR 7, opset 13) around a graph, with metadata key/value pairs.</summary>
    internal static byte[] Model(ProtoWriter graph, params (string Key, string Value)[] metadata)
    {
        var model = new ProtoWriter()
            .Varint(1, 7)
            .String(2, "TrafficOrleans")
            .Message(7, graph)
            .Message(8, new ProtoWriter().String(1, string.Empty).Varint(2, 13));
        foreach (var (key, value) in metadata)
        {
            model.Message(14, new ProtoWriter().String(1, key).String(2, value));
        }

        return model.ToArray();
    }

    internal static ProtoWriter Node(string op, string[] inputs, string[] outputs, ProtoWriter? attribute)
    {
        var node = new ProtoWriter();
        foreach (var i in inputs)
        {
            node.String(1, i);
        }

        foreach (var o in outputs)
        {
            node.String(2, o);
        }

        node.String(3, op + "_" + outputs[^1]).String(4, op);
        return attribute is null ? node : node.Message(5, attribute);
    }

    internal static ProtoWriter FloatTensor(string name, long[] dims, float[] values)
    {
        var t = new ProtoWriter();
        foreach (var d in dims)
        {
            t.Varint(1, d);
        }

        var raw = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length);
        return t.Varint(2, FloatType).String(8, name).Bytes(9, raw);
    }

    internal static ProtoWriter ValueInfo(string name, string[] dims)
    {
        var shape = new ProtoWriter();
        foreach (var d in dims)
        {
            shape.Message(1, long.TryParse(d, CultureInfo.InvariantCulture, out var v) ? new ProtoWriter().Varint(1, v) : new ProtoWriter().String(2, d));
        }

        var tensor = new ProtoWriter().Varint(1, FloatType).Message(2, shape);
        return new ProtoWriter().String(1, name).Message(2, new ProtoWriter().Message(1, tensor));
    }
}
