using System.Buffers.Binary;
using System.Text;

namespace TrafficOrleans.KafkaBroker.Tests.Infrastructure;

/// <summary>Builds a raw Kafka request (size prefix, header v1, body) for protocol edge-case tests.</summary>
public sealed class RequestFrame
{
    private readonly List<byte> _bytes = [];

    public RequestFrame(short apiKey, short apiVersion, int correlationId)
    {
        I32(0);
        I16(apiKey);
        I16(apiVersion);
        I32(correlationId);
        Str("raw-test");
    }

    public RequestFrame I8(sbyte value)
    {
        _bytes.Add((byte)value);
        return this;
    }

    public RequestFrame I16(short value) => Write(2, span => BinaryPrimitives.WriteInt16BigEndian(span, value));

    public RequestFrame I32(int value) => Write(4, span => BinaryPrimitives.WriteInt32BigEndian(span, value));

    public RequestFrame I64(long value) => Write(8, span => BinaryPrimitives.WriteInt64BigEndian(span, value));

    public RequestFrame Str(string? value)
    {
        if (value is null)
        {
            return I16(-1);
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        I16((short)bytes.Length);
        _bytes.AddRange(bytes);
        return this;
    }

    public RequestFrame Blob(byte[] value)
    {
        I32(value.Length);
        _bytes.AddRange(value);
        return this;
    }

    public byte[] ToArray()
    {
        var bytes = _bytes.ToArray();
        BinaryPrimitives.WriteInt32BigEndian(bytes, bytes.Length - 4);
        return bytes;
    }

    private RequestFrame Write(int size, SpanAction write)
    {
        Span<byte> buffer = stackalloc byte[size];
        write(buffer);
        _bytes.AddRange(buffer);
        return this;
    }

    private delegate void SpanAction(Span<byte> span);
}
