using Microsoft.Extensions.Logging;
using TrafficOrleans.GrainInterfaces.Grains;

namespace TrafficOrleans.Grains.Forecasting;

/// <summary>
/// Weekly retraining through an Orleans reminder (stored in the ADO.NET reminder table, so it survives restarts
/// and fires on whichever silo then hosts the grain) and on-demand runs; the work is done by <see cref="ITrainingJobs"/>.
/// </summary>
public sealed partial class TrainingSchedulerGrain(ITrainingJobs jobs, TimeProvider clock, ILogger<TrainingSchedulerGrain> logger)
    : Grain, ITrainingSchedulerGrain, IRemindable
{
    /// <summary>Name of the weekly reminder.</summary>
    public const string ReminderName = "weekly-retraining";

    /// <inheritdoc />
    public async Task EnsureScheduledAsync()
    {
        var now = clock.GetUtcNow();
        var next = RetrainingSchedule.Next(now);
        await this.RegisterOrUpdateReminder(ReminderName, next - now, RetrainingSchedule.Period);
        LogScheduled(logger, next);
    }

    /// <inheritdoc />
    public Task<TrainingJob> StartTrainingAsync(string trigger) => jobs.StartAsync(trigger);

    /// <inheritdoc />
    public Task<TrainingJob?> GetJobAsync(Guid jobId) => jobs.GetAsync(jobId);

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ReminderName)
        {
            var job = await jobs.StartAsync("schedule");
            LogTriggered(logger, job.JobId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Weekly retraining scheduled; next run {Next:u}")]
    private static partial void LogScheduled(ILogger logger, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Weekly retraining started job {JobId}")]
    private static partial void LogTriggered(ILogger logger, Guid jobId);
}
