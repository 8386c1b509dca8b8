using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace TrafficOrleans.Ingest.Preprocessing;

/// <summary>
/// Deterministic event ids: a name-based UUID (RFC 9562 version 5) of road id and timestamp, so polling
/// the same tick twice gives the same ids and consumers deduplicate re-polls and outbox re-sends.
/// </summary>
public static class EventIds
{
    // Random namespace for TrafficOrleans readings; never change it or every id changes.
    private static readonly byte[] Namespace = Guid.Parse("6f1c3a52-8e0b-4d4f-9a57-2b1f0c6de7a3").ToByteArray(bigEndian: true);

    /// <summary>The event id of the reading of <paramref name="roadId"/> at <paramref name="timestamp"/> (millisecond precision).</summary>
    [SuppressMessage("Security", "CA5350", Justification = "RFC 9562 defines version 5 UUIDs on SHA-1; this is naming, not security.")]
    public static Guid For(string roadId, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(roadId);
        var nameLength = Encoding.UTF8.GetMaxByteCount(roadId.Length) + 1 + sizeof(long);
        Span<byte> input = nameLength + Namespace.Length <= 512 ? stackalloc byte[512] : new byte[nameLength + Namespace.Length];
        Namespace.CopyTo(input);
        var written = Namespace.Length;
        written += Encoding.UTF8.GetBytes(roadId, input[written..]);
        input[written++] = (byte)'|';
        BinaryPrimitives.WriteInt64LittleEndian(input[written..], timestamp.ToUnixTimeMilliseconds());
        written += sizeof(long);

        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(input[..written], hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(hash[..16], bigEndian: true);
    }
}
