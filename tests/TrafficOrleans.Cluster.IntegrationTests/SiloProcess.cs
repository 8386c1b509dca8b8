using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.Cluster.IntegrationTests;

/// <summary>
/// One real silo process (<c>dotnet silo/bin/…/TrafficOrleans.Silo.dll</c>) in the <c>Cluster</c> profile, as
/// <c>scripts/cluster.sh</c> starts it: its own silo, gateway and HTTP ports, the standalone broker, its output kept
/// for assertions. <see cref="Kill"/> is kill -9.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private SiloProcess(string name, IReadOnlyDictionary<string, string> settings)
    {
        Name = name;
        HttpPort = TestServers.FreePort();
        SiloPort = TestServers.FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(RepositoryRoot, "silo"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(SiloAssembly);
        foreach (var (key, value) in settings) start.Environment[key] = value;
        start.Environment["Urls"] = BaseAddress.ToString();
        start.Environment["Orleans__SiloPort"] = SiloPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["Orleans__GatewayPort"] = TestServers.FreePort().ToString(CultureInfo.InvariantCulture);
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int HttpPort { get; }

    public int SiloPort { get; }

    public int ProcessId => _process.Id;

    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort.ToString(CultureInfo.InvariantCulture)}/");

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the silo wrote so far.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>The repository's root (the folder holding TrafficOrleans.sln).</summary>
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TrafficOrleans.sln"))) directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("TrafficOrleans.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The silo built in the test's own configuration (Debug or Release), next to the test binaries' folder layout.</summary>
    private static string SiloAssembly
    {
        get
        {
            // …/bin/<Configuration>/net10.0/
            var configuration = Path.GetFileName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)))!;
            var path = Path.Combine(RepositoryRoot, "silo", "bin", configuration, "net10.0", "TrafficOrleans.Silo.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("The silo is not built; build the test project (it builds the silo)", path);
        }
    }

    public static SiloProcess Start(string name, IReadOnlyDictionary<string, string> settings) => new(name, settings);

    /// <summary>Waits until <c>/health/ready</c> answers 200, failing with the silo's last output if it exits.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.WaitForAsync(
            async () =>
            {
                if (HasExited) throw new InvalidOperationException($"{Name} exited: {string.Join('\n', Output.TakeLast(40))}");
                try
                {
                    using var response = await http.GetAsync(new Uri("health/ready", UriKind.Relative));
                    return (int)response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    return 0;
                }
                catch (TaskCanceledException)
                {
                    return 0;
                }
            },
            status => status == 200,
            timeout,
            $"{Name} to be ready");
    }

    /// <summary>kill -9: no shutdown, no final commits — a crash.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM: what a rolling restart or Kubernetes sends, a graceful stop.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", ProcessId.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>Waits for the process to end and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
