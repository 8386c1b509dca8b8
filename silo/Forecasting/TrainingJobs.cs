using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Npgsql;
using TrafficOrleans.Forecasting;
using TrafficOrleans.Forecasting.History;
using TrafficOrleans.Forecasting.Registry;
using TrafficOrleans.Forecasting.Training;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.Grains.Forecasting;
using TrafficOrleans.Storage.Postgres;
using TrafficOrleans.GrainInterfaces.Time;
using TrafficOrleans.Ingest;
using Microsoft.Extensions.DependencyInjection;

namespace TrafficOrleans.Silo.Forecasting;

/// <summary>
/// Runs training jobs on this silo, one at a time, outside any grain call (a run takes minutes; grain calls time
/// out in seconds): a started job is queued and <see cref="TrainingJobRunner"/> runs it. Reads the last weeks of <c>traffic_data</c>, runs <see cref="TrainingRunner"/>, logs % done,
/// and on promotion tells the registry grain and swaps this silo's provider at once (others follow on their poll).
/// The status goes to <see cref="ITrainingJobStore"/> every <see cref="SaveInterval"/> and at the end, so every silo
/// can report it; only the running job's latest progress is kept in memory.
/// </summary>
public sealed partial class TrainingJobs(
    NpgsqlDataSource dataSource,
    ModelRegistry registry,
    ITrainingJobStore store,
    IOptions<ForecastingOptions> options,
    IGrainFactory grains,
    ForecasterProvider provider,
    ILocalSiloDetails silo,
    TimeProvider clock,
    [FromKeyedServices(TrafficClock.Key)] TimeProvider trafficClock,
    IEnumerable<ITrafficSource> sources,
    ILoggerFactory loggerFactory) : ITrainingJobs
{
    /// <summary>How often the running job's status is written (also its heartbeat, see <see cref="TrainingJobStore.StaleAfter"/>).</summary>
    public static readonly TimeSpan SaveInterval = TimeSpan.FromSeconds(2);

    private readonly ILogger _logger = loggerFactory.CreateLogger<TrainingJobs>();
    private readonly Lock _gate = new();
    private readonly Channel<TrainingJob> _queued = Channel.CreateUnbounded<TrainingJob>(new UnboundedChannelOptions { SingleReader = true });
    private TrainingJob? _running;

    /// <summary>
    /// Starts a job, or returns the one running on this or another silo. Called by the scheduler grain only, whose
    /// one-call-at-a-time turns keep two starts from racing.
    /// </summary>
    public async Task<TrainingJob> StartAsync(string trigger)
    {
        var running = Current() ?? await store.FindRunningAsync();
        if (running is not null)
        {
            return running;
        }

        var job = new TrainingJob(Guid.NewGuid(), trigger, TrainingJobState.Running, 0, "queued", clock.GetUtcNow(), null, null, false, null);
        await store.InsertAsync(job, silo.SiloAddress.ToString());
        lock (_gate)
        {
            _running = job;
        }

        // Unbounded and written only while no job runs here, so the write cannot fail for want of room.
        _queued.Writer.TryWrite(job);
        return job;
    }

    /// <inheritdoc />
    public async Task<TrainingJob?> GetAsync(Guid jobId) =>
        Current() is { } running && running.JobId == jobId ? running : await store.GetAsync(jobId);

    /// <summary>Jobs started on this silo, in order, for <see cref="TrainingJobRunner"/>.</summary>
    public ChannelReader<TrainingJob> Queued => _queued.Reader;

    /// <summary>
    /// Runs one queued job to its end and records the outcome; a failure (including <paramref name="stopping"/> firing
    /// because the silo stops) is the job's outcome, not an exception to the caller.
    /// </summary>
    public async Task RunAsync(TrainingJob job, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(job);
        var id = job.JobId;
        using var finished = new CancellationTokenSource();
        var saving = SaveWhileRunningAsync(finished.Token);
        try
        {
            var settings = options.Value;
            Update(id, j => j with { Stage = "load history" });
            // The ingest source's road graph, the one neighbour_ratio is computed from; a silo without ingestion has none.
            var adjacency = sources.FirstOrDefault()?.Adjacency;
            var dataset = await TrainingDataLoader.LastWeeksFromPostgresAsync(dataSource, trafficClock.GetUtcNow(), settings.HistoryWeeks, adjacency, stopping);
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
            var result = await runner.RunAsync(dataset, new TrainingOptions { TrainLstm = settings.TrainLstm }, progress, stopping);
            if (result.Promoted)
            {
                var champion = await grains.GetGrain<IModelRegistryGrain>(0).NotifyPromotedAsync();
                await provider.ApplyAsync(champion, stopping);
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
            await finished.CancelAsync();
            await saving;
            await TrySaveAsync(Current()!);
            lock (_gate)
            {
                _running = null;
            }
        }
    }

    private TrainingJob? Current()
    {
        lock (_gate)
        {
            return _running;
        }
    }

    private void Update(Guid id, Func<TrainingJob, TrainingJob> change)
    {
        lock (_gate)
        {
            if (_running?.JobId == id) _running = change(_running);
        }
    }

    // Progress is written on a timer rather than from the progress callback, so training never waits for the database.
    private async Task SaveWhileRunningAsync(CancellationToken finished)
    {
        using var timer = new PeriodicTimer(SaveInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(finished))
            {
                if (Current() is { } job) await TrySaveAsync(job);
            }
        }
        catch (OperationCanceledException)
        {
            // The job finished; its final status is written by the caller.
        }
    }

    private async Task TrySaveAsync(TrainingJob job)
    {
        try
        {
            await store.UpdateAsync(job);
        }
        catch (NpgsqlException ex)
        {
            // Training goes on; a status that stays unwritten ends up reported as abandoned.
            LogSaveFailed(_logger, ex, job.JobId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Training job {JobId}: {Percent:F0}% done ({Stage})")]
    private static partial void LogProgress(ILogger logger, Guid jobId, double percent, string stage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training job {JobId}: status not saved")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception, Guid jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Training job {JobId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid jobId);

    // Progress<T> posts to the thread pool out of order; job status wants the reports in sequence.
    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
