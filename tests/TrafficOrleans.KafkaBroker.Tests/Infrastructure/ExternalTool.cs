using System.Diagnostics;

namespace TrafficOrleans.KafkaBroker.Tests.Infrastructure;

/// <summary>Runs a real client program (kcat, node); a missing tool fails the test with how to install it.</summary>
public static class ExternalTool
{
    public static async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, string installHint, string? stdin = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail($"'{fileName}' is required for this compatibility test but could not be started ({ex.Message}). Install it: {installHint}");
            throw;
        }

        using (process)
        {
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin);
                process.StandardInput.Close();
            }

            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{fileName} did not finish within 90 s. stderr: {await error}");
            }

            Assert.True(process.ExitCode == 0, $"{fileName} exited with {process.ExitCode}. stderr: {await error}");
            return await output;
        }
    }

    /// <summary>The repository root, found from the test's output directory.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TrafficOrleans.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("TrafficOrleans.sln not found above the test directory.");
    }
}
