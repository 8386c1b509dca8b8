using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.Routing.IntegrationTests;

/// <summary>
/// A redis-server process of the test's own on a free port, so a test can stop Redis without touching the shared
/// server the other tests use. No persistence; killed (by its own process id) on <see cref="Stop"/> or dispose.
/// </summary>
public sealed class PrivateRedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private PrivateRedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>Port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>StackExchange.Redis configuration string of this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Starts the server and waits until it answers PING.</summary>
    public static async Task<PrivateRedisServer> StartAsync()
    {
        var port = TestServers.FreePort();
        var start = new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start (is it installed? ./scripts/services.sh installs it)");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PrivateRedisServer(process, port);
        await Eventually.WaitForAsync(server.AnswersPingAsync, answered => answered, TimeSpan.FromSeconds(20), $"redis-server on port {port} to answer PING");
        return server;
    }

    /// <summary>Kills the server (as a crash or an outage would look to clients) and waits until it is gone.</summary>
    public void Stop()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Stop();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
