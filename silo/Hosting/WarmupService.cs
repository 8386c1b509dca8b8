using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Npgsql;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.Routing;
using TrafficOrleans.Silo.Routing;

namespace TrafficOrleans.Silo.Hosting;

/// <summary>
/// Primes the hot paths as soon as the host has started, before readiness reports healthy
/// (<see cref="WarmupHealthCheck"/>): fills the PostgreSQL pool, activates the routing grain, and sends the silo's own
/// <c>/traffic/current</c> and <c>/route/recommend</c> a few dozen requests, so their code is JIT-compiled (and
/// re-compiled with PGO) and their Redis, PostgreSQL and Orleans connections are open before real traffic arrives.
/// A failed warm-up is logged and still opens readiness: it is an optimisation, not a dependency.
/// </summary>
public sealed partial class WarmupService(
    IServer server,
    IHostApplicationLifetime lifetime,
    NpgsqlDataSource dataSource,
    IGrainFactory grains,
    RoutingNetwork network,
    IOptions<WarmupOptions> options,
    IOptions<RoutingOptions> routing,
    ILogger<WarmupService> logger) : BackgroundService
{
    private const int Concurrency = 8;
    private readonly WarmupOptions _options = options.Value;
    private int _completed;

    /// <summary>True once warm-up finished (or was skipped).</summary>
    public bool Completed => Volatile.Read(ref _completed) == 1;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (!_options.Enabled) return;
            // Kestrel listens only once every hosted service has started.
            await WhenStartedAsync(stoppingToken);
            var started = Stopwatch.GetTimestamp();
            await FillPostgresPoolAsync(stoppingToken);
            await grains.GetGrain<IRoutingGrain>(routing.Value.City).GetSnapshotIfChangedAsync(null).WaitAsync(stoppingToken);
            var requests = await SendOwnRequestsAsync(stoppingToken);
            LogWarm(logger, Stopwatch.GetElapsedTime(started).TotalMilliseconds, _options.PostgresConnections, requests);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping before warm.
        }
#pragma warning disable CA1031 // Warm-up is an optimisation: any failure is logged and the silo serves cold, as it would with warm-up off.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex);
        }
        finally
        {
            Volatile.Write(ref _completed, 1);
        }
    }

    private Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }

    private async Task FillPostgresPoolAsync(CancellationToken stoppingToken)
    {
        // Open them together, then return them: the pool keeps them idle for the first burst of requests.
        var connections = await Task.WhenAll(Enumerable.Range(0, _options.PostgresConnections)
            .Select(_ => dataSource.OpenConnectionAsync(stoppingToken).AsTask()));
        foreach (var connection in connections) await connection.DisposeAsync();
    }

    private async Task<int> SendOwnRequestsAsync(CancellationToken stoppingToken)
    {
        if (OwnAddress() is not { } address || _options.RequestsPerEndpoint == 0) return 0;
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        var route = RouteRequestBody();
        var sent = 0;
        await Parallel.ForAsync(0, _options.RequestsPerEndpoint, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = stoppingToken }, async (_, token) =>
        {
            // Status codes do not matter (no readings yet is a valid answer): the code paths run either way.
            using (await client.GetAsync(new Uri("traffic/current", UriKind.Relative), token)) { }
            using (var body = new StringContent(route, Encoding.UTF8, "application/json"))
            using (await client.PostAsync(new Uri("route/recommend", UriKind.Relative), body, token)) { }
            Interlocked.Add(ref sent, 2);
        });
        return sent;
    }

    // Two nodes far apart in the routing graph, so the request runs a real search.
    private string RouteRequestBody()
    {
        var graph = network.Graph;
        var origin = graph.NodePoint(0);
        var destination = graph.NodePoint(graph.NodeCount / 2);
        return string.Create(CultureInfo.InvariantCulture,
            $$$"""{"origin":{"lat":{{{origin.Lat}}},"lng":{{{origin.Lng}}}},"destination":{"lat":{{{destination.Lat}}},"lng":{{{destination.Lng}}}}}""");
    }

    // The first address Kestrel listens on, with a wildcard host replaced by loopback; null under a test server.
    private Uri? OwnAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null) return null;
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::") uri.Host = "localhost";
        uri.Path = "/";
        return uri.Uri;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warm-up done in {Milliseconds:0} ms: {Connections} PostgreSQL connections, routing grain, {Requests} requests to the API")]
    private static partial void LogWarm(ILogger logger, double milliseconds, int connections, int requests);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm-up failed; the silo serves anyway, slower at first")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
