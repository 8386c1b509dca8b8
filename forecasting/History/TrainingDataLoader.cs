using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Ingest;
using TrafficOrleans.Roads;

namespace TrafficOrleans.Forecasting.History;

/// <summary>
/// Reads training history into a <see cref="TrafficDataset"/>: from PostgreSQL <c>traffic_data</c> (one binary COPY,
/// streamed straight into the grid) or from any source that can read a time range (a replay CSV, the simulator).
/// </summary>
public static class TrainingDataLoader
{
    /// <summary>Default history length for training.</summary>
    public const int DefaultWeeks = 4;

    /// <summary>
    /// Readings of <c>traffic_data</c> with <paramref name="from"/> ≤ timestamp &lt; <paramref name="to"/>.
    /// </summary>
    public static async Task<TrafficDataset> FromPostgresAsync(
        NpgsqlDataSource dataSource,
        DateTimeOffset from,
        DateTimeOffset to,
        RoadAdjacency? adjacency = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        // Narrow the window to the history that exists, so a young database (say one simulated day in a
        // four-week window) still splits into train/validation/test instead of mostly empty time.
        await using (var bounds = new NpgsqlCommand("SELECT min(\"timestamp\"), max(\"timestamp\") FROM traffic_data WHERE \"timestamp\" >= $1 AND \"timestamp\" < $2", connection))
        {
            bounds.Parameters.AddWithValue(from.UtcDateTime);
            bounds.Parameters.AddWithValue(to.UtcDateTime);
            await using var range = await bounds.ExecuteReaderAsync(cancellationToken);
            if (await range.ReadAsync(cancellationToken) && !range.IsDBNull(0))
            {
                from = new DateTimeOffset(range.GetDateTime(0), TimeSpan.Zero);
                to = new DateTimeOffset(range.GetDateTime(1), TimeSpan.Zero) + ForecastHorizons.Step;
            }
        }

        var builder = new TrafficDatasetBuilder(from, to);

        // COPY takes no parameters; the bounds are formatted from DateTimeOffset values, never from user text.
        var sql = string.Create(
            CultureInfo.InvariantCulture,
            $"""
            COPY (SELECT road_id, "timestamp", speed, free_flow_speed, jam_factor, is_rush_hour
                  FROM traffic_data WHERE "timestamp" >= '{from.UtcDateTime:O}' AND "timestamp" < '{to.UtcDateTime:O}')
            TO STDOUT (FORMAT BINARY)
            """);
        await using var reader = await connection.BeginBinaryExportAsync(sql, cancellationToken);
        while (await reader.StartRowAsync(cancellationToken) != -1)
        {
            var roadId = await reader.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken);
            var timestamp = await reader.ReadAsync<DateTime>(NpgsqlDbType.TimestampTz, cancellationToken);
            var speed = await reader.ReadAsync<double>(NpgsqlDbType.Double, cancellationToken);
            var freeFlow = await reader.ReadAsync<double>(NpgsqlDbType.Double, cancellationToken);
            var jam = await reader.ReadAsync<double>(NpgsqlDbType.Double, cancellationToken);
            var rush = await reader.ReadAsync<bool>(NpgsqlDbType.Boolean, cancellationToken);
            builder.Add(roadId, new DateTimeOffset(timestamp, TimeSpan.Zero), speed, freeFlow, jam, rush);
        }

        return Build(builder, adjacency, $"traffic_data has no readings between {from:u} and {to:u}");
    }

    /// <summary>The last <paramref name="weeks"/> weeks before <paramref name="until"/> from PostgreSQL.</summary>
    public static Task<TrafficDataset> LastWeeksFromPostgresAsync(
        NpgsqlDataSource dataSource,
        DateTimeOffset until,
        int weeks = DefaultWeeks,
        RoadAdjacency? adjacency = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        return FromPostgresAsync(dataSource, until.AddDays(-7 * weeks), until, adjacency, cancellationToken);
    }

    /// <summary>
    /// Readings of a range-readable source (replay CSV, simulator) for the ticks in [<paramref name="from"/>,
    /// <paramref name="to"/>) at the 5-minute cadence; the adjacency defaults to the source's own road graph.
    /// </summary>
    public static async Task<TrafficDataset> FromSourceAsync(
        ITrafficSource source,
        DateTimeOffset from,
        DateTimeOffset to,
        RoadAdjacency? adjacency = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!source.CanReadRange)
        {
            throw new NotSupportedException($"Source '{source.Name}' cannot read a time range.");
        }

        var builder = new TrafficDatasetBuilder(from, to);
        await foreach (var batch in source.ReadRangeAsync(from, to, ForecastHorizons.Step, cancellationToken))
        {
            foreach (var r in batch.Readings)
            {
                builder.Add(r.RoadId, r.Timestamp, r.CurrentSpeed, r.FreeFlowSpeed, r.JamFactor, r.IsRushHour);
            }
        }

        return Build(builder, adjacency ?? source.Adjacency, $"source '{source.Name}' produced no readings between {from:u} and {to:u}");
    }

    /// <summary>
    /// Neighbours of each road for the neighbour features (<see cref="RoadAdjacency.NeighboursOf"/>: feeders, then
    /// successors), the same list ingestion averages over when it sets <c>neighbour_ratio</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Neighbours(RoadAdjacency adjacency, IEnumerable<string> roadIds)
    {
        ArgumentNullException.ThrowIfNull(adjacency);
        ArgumentNullException.ThrowIfNull(roadIds);
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var id in roadIds)
        {
            var list = adjacency.NeighboursOf(id);
            if (list.Count > 0)
            {
                result[id] = list;
            }
        }

        return result;
    }

    private static TrafficDataset Build(TrafficDatasetBuilder builder, RoadAdjacency? adjacency, string whenEmpty)
    {
        if (builder.Count == 0) throw new InvalidOperationException($"Nothing to train on: {whenEmpty}.");
        var dataset = builder.Build();
        if (adjacency is not null) dataset.FillNeighbourRatios(Neighbours(adjacency, dataset.Roads.Select(road => road.RoadId)));
        return dataset;
    }
}
