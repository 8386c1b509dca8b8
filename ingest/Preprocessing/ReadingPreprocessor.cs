using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.GrainInterfaces.Messages.Validation;

namespace TrafficOrleans.Ingest.Preprocessing;

/// <summary>
/// Validation and enrichment of raw readings into <see cref="TrafficReading"/>s (speed ratio, congestion
/// level, rush hour, UTC timestamp, deterministic event id). Stateless and thread-safe. The value limits are the
/// product's one definition (<see cref="MessageLimits"/>), the same the stream consumers check.
/// </summary>
public sealed partial class ReadingPreprocessor
{
    private readonly MessageLimits _limits;
    private readonly double _maxSpeedKmh;
    private readonly ILogger _logger;

    /// <summary>Creates the preprocessor from the ingest options and the product's value limits (defaults when null).</summary>
    public ReadingPreprocessor(IOptions<IngestOptions> options, IngestMetrics metrics, ILogger<ReadingPreprocessor>? logger = null, IOptions<MessageLimits>? limits = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _limits = limits?.Value ?? new MessageLimits();
        _maxSpeedKmh = _limits.MaxSpeedKmh;
        CityTime = new CityTime(options.Value.TimeZone);
        Metrics = metrics;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The city's local time (rush hours).</summary>
    public CityTime CityTime { get; }

    internal IngestMetrics Metrics { get; }

    /// <summary>Starts a batch for one poll of <paramref name="source"/> at <paramref name="observedAt"/>.</summary>
    public TrafficBatchBuilder CreateBatch(string source, DateTimeOffset observedAt, int capacity = 0) =>
        new(this, source, observedAt.ToUniversalTime(), capacity);

    /// <summary>
    /// Validates one raw reading. On success <paramref name="reading"/> is set; otherwise
    /// <paramref name="reason"/> and <paramref name="detail"/> say why.
    /// </summary>
    public bool TryProcess(in RawReading raw, out TrafficReading? reading, out RejectionReason reason, out string detail)
    {
        reading = null;
        if (Validate(raw) is { } failure)
        {
            (reason, detail) = failure;
            return false;
        }

        var freeFlow = raw.FreeFlowSpeedKmh!.Value;
        var ratio = raw.SpeedKmh / freeFlow;
        var jam = raw.JamFactor ?? CongestionClassifier.EstimateJamFactor(ratio);
        var timestamp = raw.Timestamp.ToUniversalTime();
        reading = new TrafficReading(
            EventIds.For(raw.RoadId!, timestamp),
            timestamp,
            raw.RoadId!,
            string.IsNullOrWhiteSpace(raw.RoadName) ? raw.RoadId! : raw.RoadName,
            Math.Round(raw.SpeedKmh, 2),
            Math.Round(freeFlow, 2),
            jam,
            CongestionClassifier.Classify(ratio, jam),
            Math.Round(ratio, 4),
            CityTime.IsRushHour(timestamp),
            raw.Coordinates);
        // The source's own clock defines "now" here (a back-fill or replay is legitimately in the past or ahead).
        if (TrafficReadingRules.Check(reading, _limits) is { } outOfRange)
        {
            reading = null;
            reason = RejectionReason.OutOfRange;
            detail = $"{outOfRange.Category}: {outOfRange.Reason}";
            return false;
        }

        reason = default;
        detail = string.Empty;
        return true;
    }

    private (RejectionReason, string)? Validate(in RawReading raw)
    {
        if (string.IsNullOrWhiteSpace(raw.RoadId)) return (RejectionReason.MissingRoadId, "reading has no road id");
        if (raw.IsClosed) return (RejectionReason.RoadClosed, "source reports the road closed");
        if (double.IsNaN(raw.SpeedKmh) || double.IsInfinity(raw.SpeedKmh)) return (RejectionReason.NotANumber, $"speed is {raw.SpeedKmh}");
        if (raw.SpeedKmh < 0) return (RejectionReason.NegativeSpeed, $"speed {raw.SpeedKmh:0.##} km/h is negative");
        if (raw.SpeedKmh > _maxSpeedKmh) return (RejectionReason.AbsurdSpeed, $"speed {raw.SpeedKmh:0.##} km/h exceeds {_maxSpeedKmh} km/h");
        if (raw.FreeFlowSpeedKmh is not { } freeFlow || !double.IsFinite(freeFlow) || freeFlow <= 0 || freeFlow > _maxSpeedKmh)
        {
            return (RejectionReason.InvalidFreeFlowSpeed, $"free-flow speed {raw.FreeFlowSpeedKmh?.ToString("0.##") ?? "missing"} is not in (0, {_maxSpeedKmh}] km/h");
        }

        if (raw.JamFactor is { } jam && !(jam >= 0 && jam <= _limits.MaxJamFactor)) return (RejectionReason.InvalidJamFactor, $"jam factor {jam} is not in [0, {_limits.MaxJamFactor}]");
        return null;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rejected reading from {Source} for road {RoadId}: {Reason} ({Detail})")]
    internal partial void LogRejected(string source, string? roadId, string reason, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll of {Source} at {ObservedAt:o}: {Accepted} readings accepted, {Rejected} rejected (first: {FirstReason}: {FirstDetail})")]
    internal partial void LogBatchRejections(string source, DateTimeOffset observedAt, int accepted, int rejected, string firstReason, string firstDetail);
}
