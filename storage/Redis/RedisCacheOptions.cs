using System.ComponentModel.DataAnnotations;

namespace TrafficOrleans.Storage.Redis;

/// <summary>
/// The <c>Redis</c> section: how long the product waits for Redis and how long it stops asking after a failure.
/// Redis only holds copies (PostgreSQL has the data), so waits are short and a failure opens a circuit instead of
/// making every request wait out a timeout.
/// </summary>
public sealed class RedisCacheOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Redis";

    /// <summary>Longest wait for a (re)connection.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest wait for the answer to a synchronous command.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan SyncTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest wait for the answer to an asynchronous command (every product call is asynchronous).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan AsyncTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long the circuit stays open after a failure: calls skip Redis until one probe is let through.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan BreakerOpenFor { get; set; } = TimeSpan.FromSeconds(5);
}
