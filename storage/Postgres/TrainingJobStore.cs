using System.Data.Common;
using Npgsql;
using TrafficOrleans.GrainInterfaces.Grains;

namespace TrafficOrleans.Storage.Postgres;

/// <summary>
/// The <c>training_jobs</c> table: the status of every training job, readable from any silo. A running job whose row
/// has not been rewritten for <see cref="StaleAfter"/> is reported as failed, since the silo running it is gone.
/// </summary>
public sealed class TrainingJobStore(NpgsqlDataSource dataSource, TimeProvider clock) : ITrainingJobStore
{
    /// <summary>
    /// Silence after which a running job counts as abandoned. The running silo rewrites its row every few seconds, so
    /// only a stopped silo (or database outage) comes near this.
    /// </summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);

    private const string Columns =
        "job_id, trigger, state, percent, stage, started_at, finished_at, candidate_version, promoted, outcome, silo, updated_at";

    /// <inheritdoc />
    public async Task InsertAsync(TrainingJob job, string silo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var command = dataSource.CreateCommand(
            $"INSERT INTO training_jobs ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)");
        command.Parameters.AddWithValue(job.JobId);
        command.Parameters.AddWithValue(job.Trigger);
        AddStatus(command, job);
        command.Parameters.AddWithValue(silo);
        command.Parameters.AddWithValue(clock.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task UpdateAsync(TrainingJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var command = dataSource.CreateCommand(
            """
            UPDATE training_jobs
            SET state = $2, percent = $3, stage = $4, started_at = $5, finished_at = $6, candidate_version = $7,
                promoted = $8, outcome = $9, updated_at = $10
            WHERE job_id = $1
            """);
        command.Parameters.AddWithValue(job.JobId);
        AddStatus(command, job);
        command.Parameters.AddWithValue(clock.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<TrainingJob?> GetAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM training_jobs WHERE job_id = $1");
        command.Parameters.AddWithValue(jobId);
        return await ReadOneAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<TrainingJob?> FindRunningAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM training_jobs WHERE state = $1 AND updated_at >= $2 ORDER BY started_at DESC LIMIT 1");
        command.Parameters.AddWithValue(nameof(TrainingJobState.Running));
        command.Parameters.AddWithValue(clock.GetUtcNow() - StaleAfter);
        return await ReadOneAsync(command, cancellationToken);
    }

    private static void AddStatus(NpgsqlCommand command, TrainingJob job)
    {
        command.Parameters.AddWithValue(job.State.ToString());
        command.Parameters.AddWithValue(job.Percent);
        command.Parameters.AddWithValue(job.Stage);
        command.Parameters.AddWithValue(job.StartedAt);
        command.Parameters.AddWithValue((object?)job.FinishedAt ?? DBNull.Value);
        command.Parameters.AddWithValue((object?)job.CandidateVersion ?? DBNull.Value);
        command.Parameters.AddWithValue(job.Promoted);
        command.Parameters.AddWithValue((object?)job.Outcome ?? DBNull.Value);
    }

    private async Task<TrainingJob?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private TrainingJob Read(DbDataReader reader)
    {
        var job = new TrainingJob(
            reader.GetGuid(0),
            reader.GetString(1),
            Enum.Parse<TrainingJobState>(reader.GetString(2)),
            reader.GetDouble(3),
            reader.GetString(4),
            reader.GetFieldValue<DateTimeOffset>(5),
            reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
            reader.IsDBNull(7) ? null : reader.GetString(7),
            reader.GetBoolean(8),
            reader.IsDBNull(9) ? null : reader.GetString(9));
        var silo = reader.GetString(10);
        var updatedAt = reader.GetFieldValue<DateTimeOffset>(11);
        if (job.State != TrainingJobState.Running || updatedAt >= clock.GetUtcNow() - StaleAfter)
        {
            return job;
        }

        return job with
        {
            State = TrainingJobState.Failed,
            FinishedAt = updatedAt,
            Outcome = $"Abandoned: silo {silo} stopped reporting progress at {updatedAt:u} (it probably stopped); start a new run.",
        };
    }
}
