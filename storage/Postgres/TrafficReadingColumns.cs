using Npgsql;
using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Storage.Postgres;

/// <summary>The <c>traffic_data</c> columns of a <see cref="TrafficReading"/>, selected and read the same way by every query.</summary>
internal static class TrafficReadingColumns
{
    /// <summary>Select list (alias <c>t</c>); <see cref="Read"/> expects these first, in this order.</summary>
    public const string Select = """
        t.event_id, t."timestamp", t.road_id, coalesce(t.road_name, ''), t.speed, t.free_flow_speed, t.jam_factor,
        t.congestion_level, t.speed_ratio, t.is_rush_hour
        """;

    /// <summary>Columns <see cref="Select"/> takes.</summary>
    public const int Count = 10;

    /// <summary>The reading of the current row (no coordinates: <c>traffic_data</c> does not keep them).</summary>
    public static TrafficReading Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero), reader.GetString(2), reader.GetString(3),
        reader.GetDouble(4), reader.GetDouble(5), reader.GetDouble(6), CongestionLevels.Parse(reader.GetString(7)),
        reader.GetDouble(8), reader.GetBoolean(9), null);
}
