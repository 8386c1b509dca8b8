using System.Buffers.Binary;
using System.Text;

namespace TrafficOrleans.KafkaBroker.Protocol;

/// <summary>Big-endian reader over one request frame (Kafka primitive types).</summary>
internal ref struct KafkaReader(ReadOnlySpan<byte> buffer)
{
    private readonly ReadOnlySpan<byte> _buffer = buffer;
    private int _position;

    public readonly int Position => _position;

    public sbyte ReadInt8() => (sbyte)_buffer[_position++];

    public bool ReadBool() => _buffer[_position++] != 0;

    public short ReadInt16()
    {
        var value = BinaryPrimitives.ReadInt16BigEndian(_buffer[_position..]);
        _position += 2;
        return value;
    }

    public int ReadInt32()
    {
        var value = BinaryPrimitives.ReadInt32BigEndian(_buffer[_position..]);
        _position += 4;
        return value;
    }

    public long ReadInt64()
    {
        var value = BinaryPrimitives.ReadInt64BigEndian(_buffer[_position..]);
        _position += 8;
        return value;
    }

    public string ReadString() => ReadNullableString() ?? string.Empty;

    public string? ReadNullableString()
    {
        int length = ReadInt16();
        return length < 0 ? null : ReadUtf8(length);
    }

    /// <summary>Nullable bytes as a slice of the frame; no copy.</summary>
    public ReadOnlySpan<byte> ReadBytesSpan()
    {
        var length = ReadInt32();
        if (length < 0)
        {
            return default;
        }

        var slice = _buffer.Slice(_position, length);
        _position += length;
        return slice;
    }

    public byte[] ReadBytes() => ReadBytesSpan().ToArray();

    public List<string> ReadStringArray()
    {
        var count = ReadArrayLength();
        var values = new List<string>(Math.Max(count, 0));
        for (var i = 0; i < count; i++)
        {
            values.Add(ReadString());
        }

        return values;
    }

    /// <summary>Array length; −1 means a null array.</summary>
    public int ReadArrayLength() => ReadInt32();

    public uint ReadUnsignedVarInt() => (uint)VarInt.ReadUnsigned(_buffer, ref _position);

    public string? ReadCompactNullableString()
    {
        var length = (int)ReadUnsignedVarInt() - 1;
        return length < 0 ? null : ReadUtf8(length);
    }

    /// <summary>Skips a flexible-version tagged-field section.</summary>
    public void SkipTaggedFields()
    {
        var count = ReadUnsignedVarInt();
        for (var i = 0; i < count; i++)
        {
            ReadUnsignedVarInt();
            var size = (int)ReadUnsignedVarInt();
            _position += size;
        }
    }

    private string ReadUtf8(int length)
    {
        var value = Encoding.UTF8.GetString(_buffer.Slice(_position, length));
        _position += length;
        return value;
    }
}
