using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace TrafficOrleans.Bench.Push;

/// <summary>
/// N real SignalR clients of the hub in the bench's own process (JSON protocol, no subscription: every alert). Each alert
/// received is matched to the reading it came from (road id + reading timestamp, which the alert carries) and its
/// latency recorded. They share the silo's cores and scheduler: see <see cref="ClientProcess"/> for clients of their own.
/// </summary>
public sealed class AlertClients(ReadingFeed feed) : IAlertClients
{
    private readonly List<HubConnection> _connections = [];
    private readonly ConcurrentQueue<double> _latenciesMs = new();
    private long _received;
    private long _unmatched;

    /// <summary>Alerts received by all clients since the start.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Alerts whose reading the bench did not produce (should stay 0).</summary>
    public long Unmatched => Interlocked.Read(ref _unmatched);

    /// <inheritdoc />
    public Task<long> ReceivedAsync() => Task.FromResult(Received);

    /// <inheritdoc />
    public Task<double[]> TakeLatenciesAsync() => Task.FromResult(TakeLatencies());

    /// <inheritdoc />
    public Task ConnectAsync(Uri hub, int count) => ConnectAsync(hub, count, parallel: 50);

    /// <summary>Connects <paramref name="count"/> clients, <paramref name="parallel"/> at a time.</summary>
    public async Task ConnectAsync(Uri hub, int count, int parallel)
    {
        for (var start = 0; start < count; start += parallel)
        {
            var batch = Enumerable.Range(start, Math.Min(parallel, count - start)).Select(async _ =>
            {
                var connection = new HubConnectionBuilder().WithUrl(hub).Build();
                connection.On<JsonElement>("alert", OnAlert);
                await connection.StartAsync();
                return connection;
            });
            _connections.AddRange(await Task.WhenAll(batch));
        }
    }

    /// <summary>The latencies recorded since the last call (ms), and forgets them.</summary>
    public double[] TakeLatencies()
    {
        var taken = new List<double>();
        while (_latenciesMs.TryDequeue(out var latency)) taken.Add(latency);
        return [.. taken];
    }

    private void OnAlert(JsonElement alert)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _received);
        if (feed.ProducedAt(alert.GetProperty("road_id").GetString()!, alert.GetProperty("timestamp").GetDateTimeOffset()) is { } producedAt)
        {
            _latenciesMs.Enqueue(Stopwatch.GetElapsedTime(producedAt, now).TotalMilliseconds);
        }
        else
        {
            Interlocked.Increment(ref _unmatched);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections) await connection.DisposeAsync();
    }
}
