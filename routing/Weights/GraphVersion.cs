using System.Globalization;

namespace TrafficOrleans.Routing.Weights;

/// <summary>
/// Weights versions: <c>v</c> + UTC <c>yyyyMMddHHmmssfff</c>, so versions sort as strings in time order and a
/// route cache keyed by version can never serve a route computed on older weights.
/// </summary>
public static class GraphVersion
{
    private const string Format = "yyyyMMddHHmmssfff";

    /// <summary>Version string of a timestamp (millisecond resolution, UTC).</summary>
    public static string Of(DateTimeOffset time) => "v" + time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Timestamp of a version string.</summary>
    public static DateTimeOffset Parse(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.Length != Format.Length + 1 || version[0] != 'v'
            || !DateTime.TryParseExact(version.AsSpan(1), Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
        {
            throw new FormatException($"'{version}' is not a graph version (v{Format}).");
        }

        return new DateTimeOffset(time, TimeSpan.Zero);
    }

    /// <summary>
    /// The time of the version after <paramref name="previous"/>: <paramref name="now"/> truncated to the
    /// millisecond, but at least one millisecond later, so two batches in the same millisecond differ.
    /// </summary>
    public static DateTimeOffset Next(DateTimeOffset previous, DateTimeOffset now)
    {
        var truncated = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        return truncated > previous ? truncated : previous.AddMilliseconds(1);
    }
}
