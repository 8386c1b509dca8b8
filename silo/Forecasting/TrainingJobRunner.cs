namespace TrafficOrleans.Silo.Forecasting;

/// <summary>
/// Runs the training jobs started on this silo, one after another, for the life of the host. Being a hosted service
/// (rather than a fire-and-forget task) means a stopping silo cancels the running job and waits for it to record its
/// outcome, and anything the job did not handle reaches the host's error handling instead of vanishing.
/// </summary>
public sealed class TrainingJobRunner(TrainingJobs jobs) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in jobs.Queued.ReadAllAsync(stoppingToken))
            {
                await jobs.RunAsync(job, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping and no job is running.
        }
    }
}
