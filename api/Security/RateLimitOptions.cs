using System.ComponentModel.DataAnnotations;

namespace TrafficOrleans.Api.Security;

/// <summary>
/// The <c>RateLimiting</c> section: a fixed window per client IP address on the public endpoints (<c>/traffic</c>,
/// <c>/route</c>, <c>/analytics</c>). Set <see cref="Enabled"/> to false (or raise the limit) for load tests.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "RateLimiting";

    /// <summary>Whether requests are limited at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests one client IP may make per <see cref="Window"/>.</summary>
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 300;

    /// <summary>Length of a window; a refused client is told to retry when its window ends.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(10);
}
