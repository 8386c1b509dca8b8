using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TrafficOrleans.Kafka.Lag;

/// <summary>
/// The consumer lag of the host's watched groups (<see cref="ConsumerGroupWatch"/> registrations plus
/// <see cref="ConsumerLagOptions.Watch"/>) for <c>GET /system/status</c>: answered from memory while younger than
/// <see cref="ConsumerLagOptions.CacheFor"/>, and never awaited longer than <see cref="ConsumerLagOptions.Timeout"/> —
/// a broker that is down makes the lag "unknown", not the endpoint hang.
/// </summary>
/// <remarks>
/// The blocking librdkafka calls run on a pool thread, one read at a time: callers that arrive while a read is under way
/// wait for that read instead of starting another, so a slow broker is never asked more than once at a time. A read
/// that outlives the caller's wait still finishes and fills the cache.
/// </remarks>
public sealed partial class ConsumerLagMonitor
{
    private readonly ConsumerLagReader _reader;
    private readonly IReadOnlyList<ConsumerGroupWatch> _watches;
    private readonly ConsumerLagOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private Task<ConsumerLagReport>? _reading;
    private ConsumerLagReport? _latest;

    /// <summary>Creates the monitor of the registered and configured watches (each group and topic once).</summary>
    public ConsumerLagMonitor(
        ConsumerLagReader reader, IEnumerable<ConsumerGroupWatch> registered, IOptions<ConsumerLagOptions> options, TimeProvider clock, ILogger<ConsumerLagMonitor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _reader = reader;
        _options = options.Value;
        _watches = [.. registered.Concat(_options.Watch).DistinctBy(w => (w.Group, w.Topic))];
        _clock = clock;
        _logger = logger;
    }

    /// <summary>The latest report, read now if the cached one is older than <see cref="ConsumerLagOptions.CacheFor"/>.</summary>
    public async Task<ConsumerLagReport> ReadAsync(CancellationToken cancellationToken)
    {
        Task<ConsumerLagReport> reading;
        lock (_lock)
        {
            if (_latest is { } latest && _clock.GetUtcNow() - latest.ReadAt < _options.CacheFor) return latest;
            reading = _reading ??= Task.Run(ReadAndCache, CancellationToken.None);
        }

        try
        {
            return await reading.WaitAsync(_options.Timeout, _clock, cancellationToken);
        }
        catch (TimeoutException)
        {
            var unknown = Unknown($"the Kafka broker did not answer within {_options.Timeout.TotalSeconds:0.#} s");
            lock (_lock) _latest = unknown;
            return unknown;
        }
    }

    private ConsumerLagReport ReadAndCache()
    {
        var report = default(ConsumerLagReport);
        try
        {
            report = new ConsumerLagReport(ConsumerLagReport.Known, _clock.GetUtcNow(), null, _reader.Read(_watches, _options.Timeout));
        }
        catch (KafkaException ex)
        {
            LogUnknown(_logger, ex.Error.Reason);
            report = Unknown(ex.Error.Reason);
        }
        finally
        {
            // Also after an unexpected exception, so the next caller starts a new read instead of awaiting a failed one.
            lock (_lock)
            {
                _latest = report ?? _latest;
                _reading = null;
            }
        }

        return report;
    }

    private ConsumerLagReport Unknown(string reason) =>
        new(ConsumerLagReport.Unknown, _clock.GetUtcNow(), reason, [.. _watches.Select(w => new ConsumerGroupLag(w.Group, w.Topic, 0, null))]);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumer lag unknown: {Reason}")]
    private static partial void LogUnknown(ILogger logger, string reason);
}
