using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace TrafficOrleans.IntegrationTests.Infrastructure;

/// <summary>
/// Where the real PostgreSQL and Redis of the tests are: the environment's connection strings
/// (set by ./scripts/test.sh) or the defaults of ./scripts/services.sh.
/// </summary>
public static class TestServers
{
    private const string Hint = "start them with ./scripts/services.sh up (./scripts/test.sh does this for you)";

    /// <summary>Base PostgreSQL connection string (its database is only used to create per-run databases).</summary>
    public static string Postgres =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
        ?? "Host=localhost;Port=55432;Database=traffic;Username=traffic;Password=traffic";

    /// <summary>
    /// Redis configuration string: the environment's server, database 9 unless one is named, so test keys never
    /// mix with the <c>road:*</c> keys of a product started by ./scripts/up.sh on the same server.
    /// </summary>
    public static string Redis
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("ConnectionStrings__Redis") ?? "localhost:56379";
            return configured.Contains("defaultDatabase", StringComparison.OrdinalIgnoreCase) ? configured : configured + ",defaultDatabase=9";
        }
    }

    /// <summary>A clear failure message when a server does not answer.</summary>
    public static string Unreachable(string what, string where, Exception ex) =>
        $"{what} at {where} is not reachable ({ex.Message}) — {Hint}.";

    /// <summary>"host:port" of the PostgreSQL server.</summary>
    public static string PostgresEndpoint
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(Postgres);
            return $"{builder.Host}:{builder.Port}";
        }
    }

    /// <summary>
    /// A TCP port that was free a moment ago (Kestrel, silo and gateway ports of test hosts), taken below the kernel's
    /// ephemeral range where there is room: a port the kernel hands out as free (port 0) comes from that range, and so
    /// do the local ports of every outgoing connection of every process, so one of those could take it before the host
    /// binds it (seen in CI: "address already in use" for a push test host while other test projects ran).
    /// </summary>
    public static int FreePort()
    {
        var ephemeralFrom = EphemeralRangeStart();
        for (var attempt = 0; ephemeralFrom > FixedPortsFrom + 1_000 && attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(FixedPortsFrom, ephemeralFrom);
            // Not one handed out before in this process (a host often takes two before it binds either).
            lock (HandedOut)
            {
                if (!HandedOut.Add(port)) continue;
            }

            if (CanBind(port)) return port;
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Below this, well-known and registered services listen.
    private const int FixedPortsFrom = 20_000;

    private static readonly HashSet<int> HandedOut = [];

    // Linux's net.ipv4.ip_local_port_range (default 32768–60999); elsewhere the IANA dynamic range.
    private static int EphemeralRangeStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        if (File.Exists(range) && int.TryParse(File.ReadAllText(range).Split('\t', ' ')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var start)) return start;
        return 49_152;
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
