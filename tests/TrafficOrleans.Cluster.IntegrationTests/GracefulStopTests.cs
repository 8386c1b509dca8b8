using System.Net;
using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.Cluster.IntegrationTests;

/// <summary>
/// A silo stopped with SIGTERM (a rolling restart, a Kubernetes pod deletion) first reports not ready while it still
/// answers, so the front door or a readiness probe takes it out before its connections are refused.
/// </summary>
public sealed class GracefulStopTests : IAsyncLifetime
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(5);
    private readonly ProcessCluster _cluster = new();

    [Fact]
    public async Task A_stopping_silo_reports_not_ready_while_it_still_serves_then_exits_cleanly()
    {
        var silo = _cluster.StartSilo("silo-drain", extra: new Dictionary<string, string> { ["Host__DrainDelay"] = "00:00:05" });
        await silo.WaitUntilReadyAsync(ProcessCluster.Deadline);
        using var http = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

        silo.Terminate();

        // Ready turns 503 (draining) while the API behind it still answers: the window a load balancer uses.
        var notReady = await Eventually.WaitForAsync(
            async () =>
            {
                using var response = await http.GetAsync(new Uri("health/ready", UriKind.Relative));
                return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
            },
            ready => ready.StatusCode == HttpStatusCode.ServiceUnavailable,
            Drain,
            "/health/ready to report the drain");
        Assert.Contains("draining", notReady.Body, StringComparison.Ordinal);
        using (var current = await http.GetAsync(new Uri("traffic/current", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        }

        Assert.Equal(0, await silo.WaitForExitAsync(ProcessCluster.Deadline));
        Assert.Contains(silo.Output, line => line.Contains("serving for 5 s more", StringComparison.Ordinal));
    }

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();
}
