using System.Globalization;
using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Notifications.Rules;

/// <summary>
/// The event id of an alert is derived from the road, the alert type and the cooldown window the prediction falls
/// in — not from the prediction — so every alert of a type for a road within one window has the same id. The
/// UNIQUE <c>event_id</c> of <c>notifications</c> then both enforces the cooldown and makes a redelivered
/// prediction a no-op, with no in-memory state to lose in a crash.
/// </summary>
public static class NotificationEventIds
{
    /// <summary>The id of a <paramref name="alertType"/> alert for <paramref name="roadId"/> at <paramref name="timestamp"/>.</summary>
    public static Guid For(string roadId, string alertType, DateTimeOffset timestamp, TimeSpan cooldown)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(cooldown, TimeSpan.Zero);
        var window = Math.Floor(timestamp.ToUnixTimeMilliseconds() / cooldown.TotalMilliseconds);
        return NameBasedGuid.Create(string.Create(CultureInfo.InvariantCulture, $"notification|{roadId}|{alertType}|{cooldown.TotalMinutes:0.###}|{window:0}"));
    }
}
