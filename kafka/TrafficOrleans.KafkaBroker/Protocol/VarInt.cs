namespace TrafficOrleans.KafkaBroker.Protocol;

/// <summary>Kafka's base-128 variable-length integers (unsigned and zig-zag signed).</summary>
internal static class VarInt
{
    public static ulong ReadUnsigned(ReadOnlySpan<byte> span, ref int position)
    {
        ulong value = 0;
        var shift = 0;
        byte b;
        do
        {
            b = span[position++];
            value |= (ulong)(b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0 && shift < 70);
        return value;
    }

    public static long ReadZigZag(ReadOnlySpan<byte> span, ref int position)
    {
        var raw = ReadUnsigned(span, ref position);
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }
}
