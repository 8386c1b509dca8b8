using System.Diagnostics;
using System.Text;

namespace TrafficOrleans.Ingest.IntegrationTests.Infrastructure;

/// <summary>Runs the built `traffic` program (cli/) as a child process with the test's servers in its environment.</summary>
public static class TrafficCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> RunAsync(string postgres, string bootstrapServers, string? fault, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(DllPath());
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ConnectionStrings__Postgres"] = postgres;
        start.Environment["Kafka__BootstrapServers"] = bootstrapServers;
        start.Environment["Ingest__Source"] = "Simulator";
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        if (fault is null) start.Environment.Remove("TRAFFIC_FAULT");
        else start.Environment["TRAFFIC_FAULT"] = fault;

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"traffic {string.Join(' ', args)} did not finish within {Timeout}.");
        }

        output.Append(await stdout).Append(await stderr);
        return new Result(process.ExitCode, output.ToString());
    }

    private static string DllPath()
    {
        // tests/<project>/bin/<Configuration>/<tfm>/ → cli/bin/<Configuration>/<tfm>/traffic.dll
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = output.Name;
        var configuration = output.Parent!.Name;
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "TrafficOrleans.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException($"No TrafficOrleans.sln above {AppContext.BaseDirectory}.");
        var dll = Path.Combine(root.FullName, "cli", "bin", configuration, tfm, "traffic.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build cli/TrafficOrleans.Cli.csproj first (the test project references it).", dll);
    }
}
