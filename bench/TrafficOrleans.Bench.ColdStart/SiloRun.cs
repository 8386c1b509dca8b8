using System.Diagnostics;
using System.Globalization;

namespace TrafficOrleans.Bench.ColdStart;

/// <summary>Starts the silo as a child process on its own ports, loads it, stops it with SIGTERM.</summary>
public static class SiloRun
{
    private const int HttpPort = 18190;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(20);

    /// <summary>One measured start.</summary>
    public static async Task<RunResult> MeasureAsync(string silo, string postgres, string redis, bool warmup, int connections, TimeSpan window)
    {
        var data = Directory.CreateTempSubdirectory("coldstart-");
        var start = new ProcessStartInfo("dotnet", [silo, "--urls", $"http://127.0.0.1:{HttpPort}"])
        {
            WorkingDirectory = Path.GetDirectoryName(silo)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Postgres"] = postgres;
        start.Environment["ConnectionStrings__Redis"] = redis;
        start.Environment["Orleans__SiloPort"] = "11790";
        start.Environment["Orleans__GatewayPort"] = "30790";
        start.Environment["Orleans__ServiceId"] = "coldstart-bench";
        start.Environment["Kafka__BootstrapServers"] = "127.0.0.1:59190";
        start.Environment["Kafka__EmbeddedBroker__Port"] = "59190";
        start.Environment["Kafka__EmbeddedBroker__DataDirectory"] = Path.Combine(data.FullName, "kafka");
        start.Environment["Forecasting__ModelDirectory"] = Path.Combine(data.FullName, "models");
        start.Environment["Warmup__Enabled"] = warmup ? "true" : "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}/"),
                Timeout = TimeSpan.FromSeconds(60),
            };
            await WaitReadyAsync(client, process);
            var ready = clock.Elapsed.TotalSeconds;
            var cold = await LoadAsync(client, connections, window);
            await LoadAsync(client, connections, Settle);
            var warm = await LoadAsync(client, connections, window);
            return new RunResult(warmup, ready, cold, warm);
        }
        finally
        {
            if (!process.HasExited)
            {
                Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
                if (!process.WaitForExit(TimeSpan.FromSeconds(60))) process.Kill(entireProcessTree: true);
            }

            data.Delete(recursive: true);
        }
    }

    // Ready is what a load balancer waits for: 200 from /health/ready (healthy or degraded).
    private static async Task WaitReadyAsync(HttpClient client, Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (process.HasExited) throw new InvalidOperationException($"The silo exited with {process.ExitCode} before it was ready.");
            try
            {
                using var response = await client.GetAsync(new Uri("health/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The silo was not ready within 5 minutes.");
    }

    private static async Task<LatencySummary> LoadAsync(HttpClient client, int connections, TimeSpan duration)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perWorker = await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            var latencies = new List<double>();
            while (Stopwatch.GetTimestamp() < until)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(new Uri("traffic/current", UriKind.Relative));
                await response.Content.ReadAsByteArrayAsync();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return latencies;
        }));
        return LatencySummary.Of(perWorker.SelectMany(l => l).ToList());
    }
}
