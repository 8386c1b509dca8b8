using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using TrafficOrleans.Forecasting;
using TrafficOrleans.Forecasting.History;
using TrafficOrleans.Forecasting.Registry;
using TrafficOrleans.Forecasting.Training;
using TrafficOrleans.GrainInterfaces.Grains;

namespace TrafficOrleans.Grains.Forecasting;

/// <summary>
/// Runs training jobs on this silo, one at a time, outside any grain call (a run takes minutes; grain calls time
/// out in seconds). Reads the last weeks of <c>traffic_data</c>, runs <see cref="TrainingRunner"/>, logs % done,
/// and on promotion tells the registry grain and swaps this silo's provider at once (others follow on their poll).
/// </summary>
public sealed partial class TrainingJobs(
    NpgsqlDataSource dataSource,
    ModelRegistry registry,
    IOptions<ForecastingOptions> options,
    IGrainFactory grains,
    ForecasterProvider provider,
    TimeProvider clock,
    ILoggerFactory loggerFactory)
{
    private readonly ConcurrentDictionary<Guid, TrainingJob> _jobs = new();
    private readonly ILogger _logger = loggerFactory.CreateLogger<TrainingJobs>();
    private readonly Lock _gate = new();
    private Guid? _running;

    /// <summary>Starts a job, or returns the running one.</summary>
    public TrainingJob Start(string trigger)
    {
        lock (_gate)
        {
            if (_running is { } id && _jobs.TryGetValue(id, out var running))
            {
                return running;
            }

            var job = new TrainingJob(Guid.NewGuid(), trigger, TrainingJobState.Running, 0, "queued", clock.GetUtcNow(), null, null, false, null);
            _jobs[job.JobId] = job;
            _running = job.JobId;
            _ = Task.Run(() => RunAsync(job));
            return job;
        }
    }

    /// <summary>A job of this silo, or null.</summary>
    public TrainingJob? Get(Guid jobId) => _jobs.GetValueOrDefault(jobId);

    private async Task RunAsync(TrainingJob job)
    {
        var id = job.JobId;
        try
        {
            var settings = options.Value;
            Update(id, j => j with { Stage = "load history" });
            var dataset = await TrainingDataLoader.LastWeeksFromPostgresAsync(dataSource, clock.GetUtcNow(), settings.HistoryWeeks);
            var runner = new TrainingRunner(registry, settings.ModelDirectory, clock, loggerFactory.CreateLogger<TrainingRunner>());
            var lastLogged = -10.0;
            var progress = new SynchronousProgress(p =>
            {
                Update(id, j => j with { Percent = p.Percent, Stage = p.Stage });
                if (p.Percent - lastLogged >= 10 || p.Percent >= 100)
                {
                    lastLogged = p.Percent;
                    LogProgress(_logger, id, p.Percent, p.Stage);
                }
            });
            var result = await runner.RunAsync(dataset, new TrainingOptions { TrainLstm = settings.TrainLstm }, progress);
            if (result.Promoted)
            {
                var champion = await grains.GetGrain<IModelRegistryGrain>(0).NotifyPromotedAsync();
                await provider.ApplyAsync(champion);
            }

            Update(id, j => j with
            {
                State = TrainingJobState.Succeeded,
                Percent = 100,
                Stage = "done",
                FinishedAt = clock.GetUtcNow(),
                CandidateVersion = result.Report.Candidate.Version,
                Promoted = result.Promoted,
                Outcome = result.Outcome,
            });
        }
        catch (Exception ex)
        {
            LogFailed(_logger, ex, id);
            Update(id, j => j with { State = TrainingJobState.Failed, FinishedAt = clock.GetUtcNow(), Outcome = ex.Message });
        }
        finally
        {
            lock (_gate)
            {
                _running = null;
            }
        }
    }

    private void Update(Guid id, Func<TrainingJob, TrainingJob> change) => _jobs.AddOrUpdate(id, _ => throw new InvalidOperationException(), (_, j) => change(j));

    [LoggerMessage(Level = LogLevel.Information, Message = "Training job {JobId}: {Percent:F0}% done ({Stage})")]
    private static partial void LogProgress(ILogger logger, Guid jobId, double percent, string stage);

    [LoggerMessage(Level = LogLevel.Error, Message = "Training job {JobId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid jobId);

    // Progress<T> posts to the thread pool out of order; job status wants the reports in sequence.
    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
