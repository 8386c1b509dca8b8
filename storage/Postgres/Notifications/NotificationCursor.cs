using System.Globalization;
using System.Text;

namespace TrafficOrleans.Storage.Postgres.Notifications;

/// <summary>
/// Where a newest-first history page ended: the (timestamp, id) of its last alert, as an opaque URL-safe token.
/// Keyset paging rather than an offset, so alerts arriving between two pages neither repeat nor vanish.
/// </summary>
public readonly record struct NotificationCursor(DateTimeOffset Timestamp, long Id)
{
    /// <summary>The token a client sends back as <c>cursor</c>.</summary>
    public string Encode() => Convert.ToBase64String(Encoding.ASCII.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{Timestamp.UtcTicks}.{Id}")))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Reads a token made by <see cref="Encode"/>; false for anything else.</summary>
    public static bool TryDecode(string? token, out NotificationCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(token) || token.Length > 64) return false;
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        Span<byte> bytes = stackalloc byte[48];
        if (!Convert.TryFromBase64String(base64, bytes, out var length)) return false;
        var parts = Encoding.ASCII.GetString(bytes[..length]).Split('.');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        cursor = new NotificationCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}
