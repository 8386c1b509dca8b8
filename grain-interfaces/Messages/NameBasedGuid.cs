using System.Security.Cryptography;
using System.Text;

namespace TrafficOrleans.GrainInterfaces.Messages;

/// <summary>
/// Deterministic UUIDs from a name (SHA-256, RFC 9562 version-8 layout): whoever derives an event from the same
/// inputs gets the same id, so a redelivered input is recognised downstream by a unique <c>event_id</c>.
/// </summary>
public static class NameBasedGuid
{
    /// <summary>The UUID of <paramref name="name"/>.</summary>
    public static Guid Create(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(hash[..16], bigEndian: true);
    }
}
