using System.Globalization;
using System.Net;
using System.Net.Sockets;
using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.Routing.IntegrationTests;

/// <summary>
/// The real host on Kestrel (body limits and chunked decoding are Kestrel's, the test server has neither) with the
/// admin key set and a small rate limit, so each hostile request class can be sent as a client would.
/// </summary>
public sealed class HardenedHostFixture : IAsyncLifetime
{
    /// <summary>The admin key the host is configured with.</summary>
    public const string AdminKey = "test-admin-key";

    /// <summary>Requests one client address may make in the (long) window.</summary>
    public const int PermitLimit = 5;

    public ServersFixture Servers { get; } = new();

    public RoutingHost Host { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public int Port { get; } = TestServers.FreePort();

    public async Task InitializeAsync()
    {
        await Servers.InitializeAsync();
        Host = new RoutingHost(Servers, $"hardened-{Guid.NewGuid():N}"[..20], settings: RoutingHost.SyntheticCity(
            ("Admin:ApiKey", AdminKey),
            ("RateLimiting:PermitLimit", PermitLimit.ToString(CultureInfo.InvariantCulture)),
            ("RateLimiting:Window", "00:10:00")));
        Host.UseKestrel(Port);
        Http = Host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        await Servers.DisposeAsync();
    }

    private int _nextClient = 10;

    /// <summary>
    /// A client of its own (a new loopback address), for tests of other defences on rate-limited endpoints: with the
    /// small limit, sharing <see cref="Http"/> would make them depend on how many requests earlier tests made.
    /// </summary>
    public HttpClient NewClient() => ClientFrom(NextClientAddress());

    /// <summary>A loopback address no other test has used (a client IP with the whole rate limit to itself).</summary>
    public IPAddress NextClientAddress() => IPAddress.Parse($"127.0.0.{Interlocked.Increment(ref _nextClient)}");

    /// <summary>A client whose connections come from another loopback address (127.0.0.x), i.e. another client IP.</summary>
    public HttpClient ClientFrom(IPAddress localAddress)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(localAddress, 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, Port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}") };
    }
}
