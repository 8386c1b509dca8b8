using System.Globalization;

namespace TrafficOrleans.Routing.Osm;

/// <summary>
/// What OpenStreetMap <c>highway=*</c> values mean for car routing: which are drivable, their functional class
/// (1 = major … 5 = local, as HERE counts) and a default speed when <c>maxspeed</c> is absent (urban Vietnam:
/// 50–60 km/h on main roads, much less in residential lanes).
/// </summary>
public static class OsmHighways
{
    private static readonly Dictionary<string, (int Class, double Kmh)> s_drivable = new(StringComparer.Ordinal)
    {
        ["motorway"] = (1, 90),
        ["motorway_link"] = (1, 50),
        ["trunk"] = (1, 70),
        ["trunk_link"] = (1, 40),
        ["primary"] = (2, 50),
        ["primary_link"] = (2, 35),
        ["secondary"] = (3, 40),
        ["secondary_link"] = (3, 30),
        ["tertiary"] = (4, 35),
        ["tertiary_link"] = (4, 30),
        ["unclassified"] = (5, 30),
        ["residential"] = (5, 25),
        ["living_street"] = (5, 10),
        ["service"] = (5, 15),
        ["road"] = (5, 25),
    };

    /// <summary>Whether cars may use a highway value (footways, cycleways, steps, tracks… are excluded).</summary>
    public static bool IsDrivable(string? highway) => highway is not null && s_drivable.ContainsKey(highway);

    /// <summary>Functional class of a drivable highway value.</summary>
    public static int FunctionalClass(string highway) => s_drivable.TryGetValue(highway, out var v) ? v.Class : 5;

    /// <summary>Default speed of a drivable highway value.</summary>
    public static double DefaultSpeedKmh(string highway) => s_drivable.TryGetValue(highway, out var v) ? v.Kmh : 25;

    /// <summary>
    /// Parses a <c>maxspeed</c> value: "50", "50 km/h", "30 mph"; null for anything else ("VN:urban", "signals"…),
    /// so the class default applies.
    /// </summary>
    public static double? ParseMaxSpeed(string? maxspeed)
    {
        if (string.IsNullOrWhiteSpace(maxspeed)) return null;
        var text = maxspeed.Trim();
        var end = 0;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.')) end++;
        if (end == 0 || !double.TryParse(text.AsSpan(0, end), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0) return null;
        var unit = text[end..].Trim();
        return unit.Length == 0 || unit.Equals("km/h", StringComparison.OrdinalIgnoreCase) || unit.Equals("kmh", StringComparison.OrdinalIgnoreCase) ? value
            : unit.Equals("mph", StringComparison.OrdinalIgnoreCase) ? value * 1.609344
            : null;
    }

    /// <summary>
    /// Travel directions allowed on a way: <c>oneway=yes|true|1</c> forward only, <c>-1|reverse</c> backward only,
    /// <c>no|false|0</c> both; without the tag motorways, motorway links and roundabouts are one-way, the rest two-way.
    /// </summary>
    public static (bool Forward, bool Backward) Directions(string highway, string? oneway, string? junction)
    {
        switch (oneway?.Trim().ToLowerInvariant())
        {
            case "yes" or "true" or "1":
                return (true, false);
            case "-1" or "reverse":
                return (false, true);
            case "no" or "false" or "0":
                return (true, true);
        }

        var implied = highway is "motorway" or "motorway_link" || junction is "roundabout" or "circular";
        return (true, !implied);
    }
}
