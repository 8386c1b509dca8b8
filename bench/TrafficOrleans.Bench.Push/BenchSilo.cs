using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace TrafficOrleans.Bench.Push;

/// <summary>
/// The real silo host (Program: Orleans, the stream provider, road grains, the notification rules, the outbox relay,
/// push) on Kestrel, on a throw-away database and the bench's broker. Ingestion is off: the bench produces the readings.
/// </summary>
// Any type of the silo assembly names its entry point; "Program" would be this bench's own.
public sealed class BenchSilo(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<TrafficOrleans.Silo.Hosting.EmbeddedBrokerSettings>
{
    /// <summary>The HTTP port clients connect to, known once <see cref="Start"/> returned.</summary>
    public int Port { get; private set; }

    /// <summary>Where the hub is.</summary>
    public Uri HubUrl => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/hubs/traffic");

    /// <summary>Starts Kestrel on <see cref="Port"/>.</summary>
    public void Start()
    {
        // Test projects get the silo's content root from Mvc.Testing's build manifest; a console app names it itself.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TRAFFICORLEANS_SILO", SiloDirectory());
        // Port 0: the kernel picks a free port as Kestrel binds it. A port picked beforehand and released can be taken in
        // between, for example as the local port of one of the bench's own outgoing connections ("address already in
        // use", seen once in ~45 processes).
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        Port = new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()).Port;
    }

    private static string SiloDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrafficOrleans.sln"))) return Path.Combine(dir.FullName, "silo");
        }

        throw new DirectoryNotFoundException("Run the bench from a checkout: TrafficOrleans.sln was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A TCP port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}
