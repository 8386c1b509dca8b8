using System.Globalization;
using System.Text;

namespace TrafficOrleans.Ingest.Replay;

/// <summary>Minimal RFC 4180 field splitting and number/timestamp parsing for the replay formats.</summary>
internal static class Csv
{
    public static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString().Trim()); field.Clear(); }
            else field.Append(c);
        }

        fields.Add(field.ToString().Trim());
        return fields;
    }

    public static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// ISO-8601 with offset as given; without offset as local time in <paramref name="zone"/>; an integer as
    /// Unix seconds.
    /// </summary>
    public static bool TryTimestamp(string text, TimeZoneInfo zone, out DateTimeOffset value)
    {
        value = default;
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var unix))
        {
            if (unix is < 0 or > 253402300799) return false;
            value = DateTimeOffset.FromUnixTimeSeconds(unix);
            return true;
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)) return false;
        value = parsed.Kind switch
        {
            DateTimeKind.Utc => new DateTimeOffset(parsed, TimeSpan.Zero),
            DateTimeKind.Local => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture),
            _ => new DateTimeOffset(parsed, zone.GetUtcOffset(parsed)),
        };
        return true;
    }

    public static double Percentile(List<double> values, double percentile)
    {
        if (values.Count == 0) return double.NaN;
        values.Sort();
        return values[(int)Math.Min(values.Count - 1, Math.Floor(percentile * values.Count))];
    }

    public static double KmhPerUnit(SpeedUnit unit) => unit switch
    {
        SpeedUnit.Mph => 1.609344,
        SpeedUnit.MetersPerSecond => 3.6,
        _ => 1.0,
    };
}
