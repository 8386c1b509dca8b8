using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.Grains.Routing;
using TrafficOrleans.Silo.Routing;
using TrafficOrleans.Routing.Weights;

namespace TrafficOrleans.Bench.Routing;

/// <summary>
/// How route queries should reach the silo's weights replica, measured with concurrent clients on an in-process
/// silo: straight into the silo-local handler, through a [StatelessWorker] route-query grain, or through one
/// ordinary grain activation (the queueing the replicas exist to avoid).
/// </summary>
internal static class ReplicaComparison
{
    public static async Task RunAsync(WeightsSnapshot weights, (int Source, int Target)[] pairs, int concurrency, TextWriter output)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(_ => RecommendRequests.Handler(weights));
        builder.Services.AddSingleton<IRouteQueries>(sp => sp.GetRequiredService<RouteQueryHandler>());
        builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort: 21111, gatewayPort: 31000));
        using var host = builder.Build();
        await host.StartAsync();
        var handler = host.Services.GetRequiredService<RouteQueryHandler>();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var queries = pairs.Select(p => RecommendRequests.Query(weights, p.Source, p.Target)).ToArray();

        var rows = new List<(string, LatencyStats, double)>
        {
            await MeasureAsync("silo-local handler (direct call)", queries, concurrency, q => handler.RecommendAsync(q)),
            await MeasureAsync("[StatelessWorker] route-query grain", queries, concurrency, q => grains.GetGrain<IRouteQueryGrain>(0).RecommendAsync(q)),
            await MeasureAsync("one grain activation (no replicas)", queries, concurrency, q => grains.GetGrain<ISingleRouteGrain>(0).RecommendAsync(q)),
        };
        await host.StopAsync();

        output.WriteLine();
        output.WriteLine($"Replica comparison: {queries.Length} recommend requests (no cache), {concurrency} concurrent clients, {Environment.ProcessorCount} cores");
        output.WriteLine();
        output.WriteLine("| path | p50 ms | p99 ms | queries/s |");
        output.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, stats, rate) in rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {stats.P50:F3} | {stats.P99:F3} | {rate:F0} |"));
        }
    }

    private static async Task<(string, LatencyStats, double)> MeasureAsync(string name, RouteQuery[] queries, int concurrency, Func<RouteQuery, Task<RouteQueryResult>> call)
    {
        foreach (var q in queries) await call(q);
        var samples = new double[queries.Length];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < queries.Length; i = Interlocked.Increment(ref next))
            {
                var start = Stopwatch.GetTimestamp();
                await call(queries[i]);
                samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        })));
        return (name, LatencyStats.Of(samples), queries.Length / clock.Elapsed.TotalSeconds);
    }
}
