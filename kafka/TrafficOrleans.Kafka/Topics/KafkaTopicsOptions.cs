using System.ComponentModel.DataAnnotations;

namespace TrafficOrleans.Kafka.Topics;

/// <summary>
/// The topic catalogue (configuration section <c>Kafka:Topics</c>): the one place the product's topic names are set.
/// Every producer and consumer of a topic — the stream provider, the outbox writers, routing, notifications, the
/// dead-letter paths — reads its name here, so renaming a topic cannot disconnect one side of it. Validated at start-up.
/// </summary>
public sealed class KafkaTopicsOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Kafka:Topics";

    /// <summary>Default of <see cref="RawReadings"/>.</summary>
    public const string DefaultRawReadings = "traffic-raw";

    /// <summary>Default of <see cref="Predictions"/>.</summary>
    public const string DefaultPredictions = "traffic-predictions";

    /// <summary>Default of <see cref="RouteUpdates"/>.</summary>
    public const string DefaultRouteUpdates = "route-updates";

    /// <summary>Default of <see cref="Notifications"/>.</summary>
    public const string DefaultNotifications = "traffic-notifications";

    /// <summary>Default of <see cref="DeadLetters"/>.</summary>
    public const string DefaultDeadLetters = "traffic-dlq";

    private const string TopicName = "^[a-zA-Z0-9._-]{1,249}$";

    /// <summary>Preprocessed readings, key road_id: written by ingestion (outbox), read by RoadGrains (stream provider).</summary>
    [Required, RegularExpression(TopicName)]
    public string RawReadings { get; set; } = DefaultRawReadings;

    /// <summary>Road forecasts, key road_id: written by RoadGrains, read by routing and notifications.</summary>
    [Required, RegularExpression(TopicName)]
    public string Predictions { get; set; } = DefaultPredictions;

    /// <summary>New road-graph versions, key graph id: written by the routing grain.</summary>
    [Required, RegularExpression(TopicName)]
    public string RouteUpdates { get; set; } = DefaultRouteUpdates;

    /// <summary>Alerts, key road_id: written by the notification rules (outbox).</summary>
    [Required, RegularExpression(TopicName)]
    public string Notifications { get; set; } = DefaultNotifications;

    /// <summary>Rejected messages with the reason in headers, key = original key: written by every reader and by ingestion.</summary>
    [Required, RegularExpression(TopicName)]
    public string DeadLetters { get; set; } = DefaultDeadLetters;
}
