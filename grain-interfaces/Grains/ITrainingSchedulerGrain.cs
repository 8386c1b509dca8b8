namespace TrafficOrleans.GrainInterfaces.Grains;

/// <summary>
/// Singleton (key 0) that retrains the models weekly (Orleans reminder, Sunday 02:00 Asia/Ho_Chi_Minh) and on
/// demand. At most one training job runs at a time, on the silo hosting this grain.
/// </summary>
public interface ITrainingSchedulerGrain : IGrainWithIntegerKey
{
    /// <summary>Registers (or re-aligns) the weekly reminder; called at silo start-up.</summary>
    Task EnsureScheduledAsync();

    /// <summary>Starts a training job, or returns the one already running.</summary>
    Task<TrainingJob> StartTrainingAsync(string trigger);

    /// <summary>A job started by this activation, or null if unknown.</summary>
    Task<TrainingJob?> GetJobAsync(Guid jobId);
}
