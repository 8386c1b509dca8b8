using TrafficOrleans.GrainInterfaces.Grains;

namespace TrafficOrleans.Storage.Postgres;

/// <summary>
/// The status of training jobs, readable from any silo (the port the training scheduler's job runner writes through).
/// A store failure surfaces as an exception of the store's client; the runner treats a failed status write as
/// "try again on the next heartbeat".
/// </summary>
public interface ITrainingJobStore
{
    /// <summary>Records a new job run by <paramref name="silo"/>.</summary>
    Task InsertAsync(TrainingJob job, string silo, CancellationToken cancellationToken = default);

    /// <summary>Writes the job's progress or outcome (and so its heartbeat).</summary>
    Task UpdateAsync(TrainingJob job, CancellationToken cancellationToken = default);

    /// <summary>The job, or null if no silo ever started it; a running job whose silo went silent is reported failed.</summary>
    Task<TrainingJob?> GetAsync(Guid jobId, CancellationToken cancellationToken = default);

    /// <summary>The newest job some silo is still running, or null.</summary>
    Task<TrainingJob?> FindRunningAsync(CancellationToken cancellationToken = default);
}
