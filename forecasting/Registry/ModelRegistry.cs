using Npgsql;
using NpgsqlTypes;
using TrafficOrleans.Forecasting.Training;

namespace TrafficOrleans.Forecasting.Registry;

/// <summary>
/// The <c>model_registry</c> table: records trained models and switches the champion in one transaction.
/// Thread-safe (each call uses its own pooled connection).
/// </summary>
public sealed class ModelRegistry(NpgsqlDataSource dataSource)
{
    // Serialises champion switches across silos and CLI runs; the partial unique index is the last line of defence.
    private const long PromotionLock = 0x6D6F64656C5F7265; // "model_re"

    private const string Columns =
        "version, model_type, artifact_path, metrics::text, data_from, data_to, features, training_run, created_at, promoted_at, is_champion";

    /// <summary>Records a trained model (not champion). Throws if the version is already recorded.</summary>
    public async Task RecordAsync(ModelManifest manifest, string artifactPath, string trainingRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var metrics = new RegistryMetrics(manifest.Validation, manifest.Test, manifest.Quality.MeanSpeed, manifest.RatioToPersistence).ToJson();
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO model_registry (version, model_type, artifact_path, metrics, data_from, data_to, features, training_run, created_at)
            VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9)
            """);
        command.Parameters.AddWithValue(manifest.Version);
        command.Parameters.AddWithValue(manifest.Model);
        command.Parameters.AddWithValue(artifactPath);
        command.Parameters.AddWithValue(metrics);
        command.Parameters.AddWithValue(manifest.DataFrom);
        command.Parameters.AddWithValue(manifest.DataTo);
        command.Parameters.AddWithValue(manifest.Features.ToArray());
        command.Parameters.AddWithValue(trainingRun);
        command.Parameters.AddWithValue(manifest.CreatedAt);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new InvalidOperationException($"Model version '{manifest.Version}' is already in the registry.", ex);
        }
    }

    /// <summary>
    /// Makes <paramref name="version"/> the champion if the current champion is still <paramref name="expectedChampion"/>
    /// (null = none), i.e. the one the candidate was compared with. Returns false, changing nothing, when another
    /// promotion happened in between; throws if the version is not recorded.
    /// </summary>
    public async Task<bool> PromoteAsync(string version, string? expectedChampion, DateTimeOffset promotedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, tx))
        {
            lockCommand.Parameters.AddWithValue(PromotionLock);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        string? current;
        await using (var read = new NpgsqlCommand("SELECT version FROM model_registry WHERE is_champion", connection, tx))
        {
            current = (string?)await read.ExecuteScalarAsync(cancellationToken);
        }

        if (!string.Equals(current, expectedChampion, StringComparison.Ordinal))
        {
            await tx.RollbackAsync(cancellationToken);
            return false;
        }

        await using (var demote = new NpgsqlCommand("UPDATE model_registry SET is_champion = false WHERE is_champion", connection, tx))
        {
            await demote.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var promote = new NpgsqlCommand(
            "UPDATE model_registry SET is_champion = true, promoted_at = $2 WHERE version = $1", connection, tx))
        {
            promote.Parameters.AddWithValue(version);
            promote.Parameters.AddWithValue(promotedAt);
            if (await promote.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                throw new InvalidOperationException($"Model version '{version}' is not in the registry.");
            }
        }

        await tx.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The champion, or null before the first promotion.</summary>
    public async Task<ModelRegistryEntry?> GetChampionAsync(CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {Columns} FROM model_registry WHERE is_champion", null, cancellationToken)).SingleOrDefault();

    /// <summary>Every model of one training run.</summary>
    public Task<IReadOnlyList<ModelRegistryEntry>> GetRunAsync(string trainingRun, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM model_registry WHERE training_run = $1 ORDER BY version", trainingRun, cancellationToken);

    /// <summary>The most recent models, newest first.</summary>
    public Task<IReadOnlyList<ModelRegistryEntry>> ListAsync(int limit = 100, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM model_registry ORDER BY created_at DESC, version LIMIT $1", limit, cancellationToken);

    private async Task<IReadOnlyList<ModelRegistryEntry>> QueryAsync(string sql, object? parameter, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        if (parameter is not null)
        {
            command.Parameters.AddWithValue(parameter);
        }

        var result = new List<ModelRegistryEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var metrics = RegistryMetrics.FromJson(reader.GetString(3));
            result.Add(new ModelRegistryEntry(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                metrics.Validation,
                metrics.Test,
                metrics.MeanSpeed,
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetFieldValue<DateTimeOffset>(5),
                reader.GetFieldValue<string[]>(6),
                reader.GetString(7),
                reader.GetFieldValue<DateTimeOffset>(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
                reader.GetBoolean(10),
                metrics.RatioToPersistence ?? []));
        }

        return result;
    }
}
