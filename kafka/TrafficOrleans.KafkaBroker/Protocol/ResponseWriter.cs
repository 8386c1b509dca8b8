using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace TrafficOrleans.KafkaBroker.Protocol;

/// <summary>
/// Builds one response frame in a pooled buffer reused by the connection, so steady-state
/// responses allocate nothing. The 4-byte size prefix is patched in when the frame is done.
/// </summary>
internal sealed class ResponseWriter : IDisposable
{
    private byte[] _buffer;
    private int _position;

    public ResponseWriter(int initialCapacity = 64 * 1024) => _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);

    public int Position => _position;

    public ReadOnlyMemory<byte> Frame => _buffer.AsMemory(0, _position);

    /// <summary>Starts a frame: size placeholder plus the v0 response header (correlation id).</summary>
    public void Begin(int correlationId)
    {
        _position = 4;
        WriteInt32(correlationId);
    }

    public void End() => BinaryPrimitives.WriteInt32BigEndian(_buffer, _position - 4);

    public void WriteInt8(sbyte value) => Reserve(1)[0] = (byte)value;

    public void WriteBool(bool value) => Reserve(1)[0] = value ? (byte)1 : (byte)0;

    public void WriteInt16(short value) => BinaryPrimitives.WriteInt16BigEndian(Reserve(2), value);

    public void WriteInt32(int value) => BinaryPrimitives.WriteInt32BigEndian(Reserve(4), value);

    public void WriteInt64(long value) => BinaryPrimitives.WriteInt64BigEndian(Reserve(8), value);

    public void WriteString(string value) => WriteNullableString(value);

    public void WriteNullableString(string? value)
    {
        if (value is null)
        {
            WriteInt16(-1);
            return;
        }

        var length = Encoding.UTF8.GetByteCount(value);
        WriteInt16((short)length);
        Encoding.UTF8.GetBytes(value, Reserve(length));
    }

    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        WriteInt32(value.Length);
        value.CopyTo(Reserve(value.Length));
    }

    public void WriteNullableBytes(byte[]? value)
    {
        if (value is null)
        {
            WriteInt32(-1);
            return;
        }

        WriteBytes(value);
    }

    public void WriteArrayLength(int count) => WriteInt32(count);

    public void WriteUnsignedVarInt(uint value)
    {
        while (value >= 0x80)
        {
            Reserve(1)[0] = (byte)(value | 0x80);
            value >>= 7;
        }

        Reserve(1)[0] = (byte)value;
    }

    /// <summary>Returns a writable span of <paramref name="length"/> bytes at the current position.</summary>
    public Span<byte> Reserve(int length)
    {
        EnsureCapacity(length);
        var span = _buffer.AsSpan(_position, length);
        _position += length;
        return span;
    }

    /// <summary>Overwrites a previously written int32 (used for lengths known only afterwards).</summary>
    public void PatchInt32(int position, int value) => BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(position), value);

    /// <summary>Drops everything written after <paramref name="position"/>.</summary>
    public void Rewind(int position) => _position = position;

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void EnsureCapacity(int extra)
    {
        if (_position + extra <= _buffer.Length)
        {
            return;
        }

        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _position + extra));
        _buffer.AsSpan(0, _position).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
