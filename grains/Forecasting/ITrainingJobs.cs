using TrafficOrleans.GrainInterfaces.Grains;

namespace TrafficOrleans.Grains.Forecasting;

/// <summary>Starts training jobs and reports their status (the port the training scheduler grain works through).</summary>
public interface ITrainingJobs
{
    /// <summary>
    /// Queues a job and returns it, or returns the one already running on this or another silo. The job runs outside
    /// any grain call (a run takes minutes; grain calls time out in seconds).
    /// </summary>
    Task<TrainingJob> StartAsync(string trigger);

    /// <summary>A job started by any silo, or null.</summary>
    Task<TrainingJob?> GetAsync(Guid jobId);
}
