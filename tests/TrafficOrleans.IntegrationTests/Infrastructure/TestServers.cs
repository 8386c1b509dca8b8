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

    /// <summary>A TCP port that was free a moment ago (silo and gateway ports of test hosts).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
