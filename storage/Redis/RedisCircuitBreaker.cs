using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TrafficOrleans.Storage.Redis;

/// <summary>
/// The one circuit breaker of every Redis user in a process (road keys, route cache, graph snapshot), so that the
/// first failure spares all of them the timeout. One failure opens the circuit for
/// <see cref="RedisCacheOptions.BreakerOpenFor"/>; then a single probe call is let through (half-open) and its
/// outcome closes the circuit or opens it again. Every <see cref="TryEnter"/> that returns true must be followed by
/// <see cref="Succeeded"/> or <see cref="Failed"/>. Meter <c>TrafficOrleans.Redis</c>.
/// </summary>
public sealed partial class RedisCircuitBreaker
{
    /// <summary>Meter name.</summary>
    public const string MeterName = "TrafficOrleans.Redis";

    private readonly Lock _lock = new();
    private readonly TimeSpan _openFor;
    private readonly TimeProvider _clock;
    private readonly ILogger<RedisCircuitBreaker> _logger;
    private readonly Counter<long> _skipped;
    private readonly Counter<long> _failed;
    private RedisBreakerState _state = RedisBreakerState.Closed;
    private DateTimeOffset _openUntil;

    /// <summary>Creates the breaker and its instruments.</summary>
    public RedisCircuitBreaker(IOptions<RedisCacheOptions> options, TimeProvider clock, IMeterFactory meterFactory, ILogger<RedisCircuitBreaker> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meterFactory);
        _openFor = options.Value.BreakerOpenFor;
        _clock = clock;
        _logger = logger;
#pragma warning disable CA2000 // IMeterFactory owns the meters it creates and disposes them with the service provider.
        var meter = meterFactory.Create(MeterName);
#pragma warning restore CA2000
        _skipped = meter.CreateCounter<long>("traffic.redis.calls.skipped", "{call}", "Redis calls not made because the circuit was open, by operation.");
        _failed = meter.CreateCounter<long>("traffic.redis.calls.failed", "{call}", "Redis calls that failed or timed out, by operation.");
        meter.CreateObservableGauge("traffic.redis.breaker.state", () => (int)State, description: "0 closed, 1 open, 2 half-open.");
    }

    /// <summary>The current state (an open circuit whose period is over reads as half-open).</summary>
    public RedisBreakerState State
    {
        get
        {
            lock (_lock)
            {
                return _state == RedisBreakerState.Open && _clock.GetUtcNow() >= _openUntil ? RedisBreakerState.HalfOpen : _state;
            }
        }
    }

    /// <summary>True when the call may go to Redis; false (counted as skipped) while the circuit is open or a probe is out.</summary>
    public bool TryEnter(string operation)
    {
        lock (_lock)
        {
            if (_state == RedisBreakerState.Closed) return true;
            if (_state == RedisBreakerState.Open && _clock.GetUtcNow() >= _openUntil)
            {
                // This caller is the probe; everybody else keeps skipping until it reports.
                _state = RedisBreakerState.HalfOpen;
                return true;
            }
        }

        _skipped.Add(1, new KeyValuePair<string, object?>("operation", operation));
        return false;
    }

    /// <summary>Reports that Redis answered: closes the circuit.</summary>
    public void Succeeded()
    {
        bool closed;
        lock (_lock)
        {
            closed = _state != RedisBreakerState.Closed;
            _state = RedisBreakerState.Closed;
        }

        if (closed) LogClosed(_logger);
    }

    /// <summary>Reports that Redis failed or timed out: opens the circuit for the configured period.</summary>
    public void Failed(string operation, Exception exception)
    {
        _failed.Add(1, new KeyValuePair<string, object?>("operation", operation));
        lock (_lock)
        {
            _state = RedisBreakerState.Open;
            _openUntil = _clock.GetUtcNow() + _openFor;
        }

        LogOpened(_logger, exception, operation, _openFor.TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis {Operation} failed; skipping Redis for {OpenForMs:0} ms (answers come from PostgreSQL or are computed)")]
    private static partial void LogOpened(ILogger logger, Exception exception, string operation, double openForMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis answers again; circuit closed")]
    private static partial void LogClosed(ILogger logger);
}
