using System.Net;
using System.Net.Http.Json;
using TrafficOrleans.Forecasting.IntegrationTests.Infrastructure;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.IntegrationTests.Infrastructure;
using TrafficOrleans.IntegrationTests.Slice;

namespace TrafficOrleans.Forecasting.IntegrationTests;

/// <summary>
/// Training-job status is kept in PostgreSQL: a silo that did not run a job (here: another silo host on the same
/// database, started after the first one stopped) reports it, and a job whose silo went silent neither shows as
/// running for ever nor blocks the next run. The database has no traffic history, so each job fails within seconds.
/// </summary>
public sealed class TrainingJobStatusTests(ServersFixture database) : IClassFixture<ServersFixture>
{
    [Fact]
    public async Task A_finished_job_is_reported_by_a_silo_that_did_not_run_it()
    {
        TrainingJob finished;
        await using (var first = NewHost())
        await using (var keyed = AdminApi.Keyed(first))
        {
            using var http = keyed.CreateClient();
            var started = await StartAsync(http);
            finished = await WaitUntilFinishedAsync(http, started.JobId);
        }

        await using var second = NewHost();
        await using var secondKeyed = AdminApi.Keyed(second);
        using var other = secondKeyed.CreateClient();
        var reported = await GetAsync(other, finished.JobId);

        Assert.Equal(TrainingJobState.Failed, reported.State);
        Assert.Contains("Nothing to train on", reported.Outcome, StringComparison.Ordinal);
        Assert.Equal(finished with { StartedAt = default, FinishedAt = default }, reported with { StartedAt = default, FinishedAt = default });
        Assert.Equal(finished.StartedAt, reported.StartedAt, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task A_job_running_elsewhere_is_returned_until_its_silo_goes_silent()
    {
        var elsewhere = Guid.NewGuid();
        await database.ScalarAsync<int>(
            """
            INSERT INTO training_jobs (job_id, trigger, state, percent, stage, started_at, silo, updated_at)
            VALUES ($1, 'admin', 'Running', 40, 'train lgbm', now(), 'S10.0.0.9:11111:1', now())
            """,
            elsewhere);
        await using var host = NewHost();
        await using var keyed = AdminApi.Keyed(host);
        using var http = keyed.CreateClient();

        // One run at a time across the cluster: the running job is returned instead of a second one.
        Assert.Equal(elsewhere, (await StartAsync(http)).JobId);
        Assert.Equal(TrainingJobState.Running, (await GetAsync(http, elsewhere)).State);

        await database.ScalarAsync<int>("UPDATE training_jobs SET updated_at = now() - interval '1 hour' WHERE job_id = $1", elsewhere);

        var abandoned = await GetAsync(http, elsewhere);
        Assert.Equal(TrainingJobState.Failed, abandoned.State);
        Assert.Contains("S10.0.0.9:11111:1", abandoned.Outcome, StringComparison.Ordinal);
        var next = await StartAsync(http);
        Assert.NotEqual(elsewhere, next.JobId);
        await WaitUntilFinishedAsync(http, next.JobId);
    }

    private SiloHost NewHost() => new(database, $"tjs-{Guid.NewGuid():N}"[..16]);

    private static async Task<TrainingJob> StartAsync(HttpClient http)
    {
        using var response = await AdminApi.SendAsync(http, HttpMethod.Post, "/admin/models/train");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TrainingJob>(TrafficJson.Options))!;
    }

    private static async Task<TrainingJob> GetAsync(HttpClient http, Guid jobId)
    {
        using var response = await AdminApi.SendAsync(http, HttpMethod.Get, $"/admin/models/jobs/{jobId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TrainingJob>(TrafficJson.Options))!;
    }

    private static async Task<TrainingJob> WaitUntilFinishedAsync(HttpClient http, Guid jobId)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var job = await GetAsync(http, jobId);
            if (job.State != TrainingJobState.Running) return job;
            await Task.Delay(100);
        }

        throw new TimeoutException($"Training job {jobId} still running after a minute.");
    }
}
