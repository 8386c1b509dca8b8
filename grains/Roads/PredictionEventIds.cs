using System.Security.Cryptography;
using System.Text;

namespace TrafficOrleans.Grains.Roads;

/// <summary>
/// Deterministic prediction event ids (SHA-256 name-based, RFC 9562 version-8 layout): the same road and reading
/// time always give the same id, so a prediction re-made after a redelivery is recognised downstream.
/// </summary>
public static class PredictionEventIds
{
    /// <summary>The id of the prediction made from a road's reading at <paramref name="timestamp"/>.</summary>
    public static Guid For(string roadId, DateTimeOffset timestamp)
    {
        var name = $"prediction|{roadId}|{timestamp.ToUniversalTime().ToUnixTimeMilliseconds()}";
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        var bytes = hash[..16].ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
