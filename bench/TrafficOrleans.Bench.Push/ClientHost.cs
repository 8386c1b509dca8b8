using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace TrafficOrleans.Bench.Push;

/// <summary>
/// The child side of <see cref="ClientProcess"/>: SignalR clients (JSON, no subscription) driven by lines on stdin —
/// <c>connect URL N</c>, <c>count</c>, <c>take PATH</c> (writes the receipts since the last take as
/// road, reading-time ticks, receive timestamp, tab-separated), <c>exit</c>. Every answer is one line starting with "ok".
/// </summary>
public static class ClientHost
{
    /// <summary>Serves commands until stdin ends or <c>exit</c>.</summary>
    public static async Task<int> RunAsync()
    {
        var connections = new List<HubConnection>();
        var receipts = new ConcurrentQueue<(string Road, long Ticks, long ReceivedAt)>();
        long received = 0;
        while (await Console.In.ReadLineAsync() is { } line)
        {
            var words = line.Split(' ');
            switch (words[0])
            {
                case "connect":
                    for (var start = 0; start < int.Parse(words[2], CultureInfo.InvariantCulture); start += 50)
                    {
                        var batch = Enumerable.Range(0, Math.Min(50, int.Parse(words[2], CultureInfo.InvariantCulture) - start)).Select(async _ =>
                        {
                            var connection = new HubConnectionBuilder().WithUrl(words[1]).Build();
                            connection.On<JsonElement>("alert", alert =>
                            {
                                var now = Stopwatch.GetTimestamp();
                                Interlocked.Increment(ref received);
                                receipts.Enqueue((alert.GetProperty("road_id").GetString()!, alert.GetProperty("timestamp").GetDateTimeOffset().UtcTicks, now));
                            });
                            await connection.StartAsync();
                            return connection;
                        });
                        connections.AddRange(await Task.WhenAll(batch));
                    }

                    Console.WriteLine("ok");
                    break;
                case "count":
                    Console.WriteLine(FormattableString.Invariant($"ok {Interlocked.Read(ref received)}"));
                    break;
                case "take":
                    var text = new StringBuilder();
                    while (receipts.TryDequeue(out var receipt)) text.Append(CultureInfo.InvariantCulture, $"{receipt.Road}\t{receipt.Ticks}\t{receipt.ReceivedAt}\n");
                    await File.WriteAllTextAsync(words[1], text.ToString());
                    Console.WriteLine("ok");
                    break;
                case "exit":
                    foreach (var connection in connections) await connection.DisposeAsync();
                    Console.WriteLine("ok");
                    return 0;
                default:
                    Console.WriteLine($"error unknown command {words[0]}");
                    break;
            }
        }

        return 0;
    }
}
