using System.Globalization;

namespace TrafficOrleans.GrainInterfaces.Messages.Validation;

/// <summary>The checks readings and predictions share: finite physical numbers, sane timestamps, usable ids.</summary>
public static class ValueRules
{
    /// <summary>A speed in [0, max] km/h.</summary>
    public static ValidationFailure? Speed(string field, double value, MessageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (!double.IsFinite(value)) return new("not-a-number", $"{field} is {Format(value)}, not a finite number");
        if (value < 0) return new("negative-speed", $"{field} {Format(value)} km/h is negative");
        if (value > limits.MaxSpeedKmh) return new("absurd-speed", $"{field} {Format(value)} km/h exceeds {Format(limits.MaxSpeedKmh)} km/h");
        return null;
    }

    /// <summary>A timestamp inside the absolute bounds and, when <paramref name="now"/> is given, not too far ahead of it.</summary>
    public static ValidationFailure? Timestamp(DateTimeOffset value, MessageLimits limits, DateTimeOffset? now)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (value < limits.EarliestTimestamp || value > limits.LatestTimestamp)
        {
            return new("timestamp-out-of-range", $"timestamp {value:O} is outside [{limits.EarliestTimestamp:O}, {limits.LatestTimestamp:O}]");
        }

        if (now is { } clock && limits.MaxAheadOfNow is { } ahead && value - clock > ahead)
        {
            return new("timestamp-in-future", $"timestamp {value:O} is more than {ahead} ahead of now ({clock:O})");
        }

        return null;
    }

    /// <summary>A non-empty road id of printable characters within the length limit.</summary>
    public static ValidationFailure? RoadId(string? roadId, MessageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (string.IsNullOrWhiteSpace(roadId)) return new("missing-road-id", "road_id is missing or empty");
        if (roadId.Length > limits.MaxRoadIdLength) return new("invalid-road-id", $"road_id is {roadId.Length} characters, more than {limits.MaxRoadIdLength}");
        if (HasControlCharacter(roadId)) return new("invalid-road-id", "road_id contains control characters");
        return null;
    }

    /// <summary>A non-empty event id: an all-zero id is what a missing field deserializes to.</summary>
    public static ValidationFailure? EventId(Guid eventId) =>
        eventId == Guid.Empty ? new("missing-event-id", "event_id is missing or all zeros") : null;

    /// <summary>True when the text has a C0/C1 control character (NUL among them), which no name or id legitimately has.</summary>
    public static bool HasControlCharacter(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (char.IsControl(c)) return true;
        }

        return false;
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
