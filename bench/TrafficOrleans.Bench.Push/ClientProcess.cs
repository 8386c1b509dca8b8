using System.Diagnostics;
using System.Globalization;

namespace TrafficOrleans.Bench.Push;

/// <summary>
/// The bench's SignalR clients in a child process (this program with the argument <c>clients</c>, see
/// <see cref="ClientHost"/>), started under <c>nice</c> so that, on a machine where they cannot have cores of their own,
/// the silo comes first — as it would with the clients on users' devices. Each alert received is recorded there as
/// (road, reading time, receive time on the monotonic clock every process shares) and matched here to when the reading
/// was produced. Commands and answers are lines on the child's stdin/stdout.
/// </summary>
public sealed class ClientProcess : IAlertClients
{
    private readonly ReadingFeed _feed;
    private readonly Process _process;
    private readonly string _records = Path.Combine(Path.GetTempPath(), $"push-bench-receipts-{Guid.NewGuid():N}.tsv");

    /// <summary>Starts the child at the given niceness (0–19).</summary>
    public ClientProcess(ReadingFeed feed, int niceness)
    {
        _feed = feed;
        var start = new ProcessStartInfo("nice")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-n", niceness.ToString(CultureInfo.InvariantCulture), "dotnet", typeof(ClientProcess).Assembly.Location, "clients" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the client process");
    }

    /// <inheritdoc />
    public async Task ConnectAsync(Uri hub, int count) => await AskAsync($"connect {hub} {count}");

    /// <inheritdoc />
    public async Task<long> ReceivedAsync() => long.Parse(await AskAsync("count"), CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public async Task<double[]> TakeLatenciesAsync()
    {
        await AskAsync($"take {_records}");
        var latencies = new List<double>();
        foreach (var line in await File.ReadAllLinesAsync(_records))
        {
            var fields = line.Split('\t');
            var time = new DateTimeOffset(long.Parse(fields[1], CultureInfo.InvariantCulture), TimeSpan.Zero);
            if (_feed.ProducedAt(fields[0], time) is { } producedAt)
            {
                latencies.Add(Stopwatch.GetElapsedTime(producedAt, long.Parse(fields[2], CultureInfo.InvariantCulture)).TotalMilliseconds);
            }
        }

        File.Delete(_records);
        return [.. latencies];
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await _process.StandardInput.WriteLineAsync("exit");
            if (!_process.WaitForExit(TimeSpan.FromSeconds(30))) _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private async Task<string> AskAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
        var answer = await _process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException($"the client process ended on '{command}'");
        return answer.StartsWith("ok", StringComparison.Ordinal)
            ? answer.Length > 3 ? answer[3..] : string.Empty
            : throw new InvalidOperationException($"the client process answered '{answer}' to '{command}'");
    }
}
