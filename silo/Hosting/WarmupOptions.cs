using System.ComponentModel.DataAnnotations;

namespace TrafficOrleans.Silo.Hosting;

/// <summary>Start-up warm-up (configuration section <c>Warmup</c>).</summary>
public sealed class WarmupOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Warmup";

    /// <summary>Prime the hot paths before readiness turns healthy.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>PostgreSQL connections opened up front (the pool otherwise grows one connection per cold request).</summary>
    [Range(0, 100)]
    public int PostgresConnections { get; set; } = 8;

    /// <summary>
    /// Requests per endpoint sent to the silo itself. Enough to get the endpoints past the JIT's first tier
    /// (30 calls) and to open the HTTP, Redis and Orleans paths.
    /// </summary>
    [Range(0, 1000)]
    public int RequestsPerEndpoint { get; set; } = 40;
}
