namespace TrafficOrleans.GrainInterfaces.Streams;

/// <summary>
/// The Orleans stream namespaces of the "kafka" stream provider and the product's consumer groups (names from the
/// original design). A namespace is a compile-time identity of grains' streams; the Kafka topic carrying it is named in
/// the topic catalogue (<c>Kafka:Topics</c>), whose defaults equal these names.
/// </summary>
public static class TrafficTopics
{
    /// <summary>Name of the Orleans stream provider backed by Kafka.</summary>
    public const string StreamProvider = "kafka";

    /// <summary>Preprocessed readings, key road_id; consumed by RoadGrains.</summary>
    public const string RawReadings = "traffic-raw";

    /// <summary>Road forecasts, key road_id; consumed by routing and notifications.</summary>
    public const string Predictions = "traffic-predictions";

    /// <summary>New road-graph versions, key graph id.</summary>
    public const string RouteUpdates = "route-updates";

    /// <summary>Alerts, key road_id; pushed to browsers.</summary>
    public const string Notifications = "traffic-notifications";

    /// <summary>Group under which RoadGrains' reads of <see cref="RawReadings"/> are committed.</summary>
    public const string PredictionGroup = "ml-prediction-group";

    /// <summary>Group of the routing graph's consumer of <see cref="Predictions"/>.</summary>
    public const string RouteGraphGroup = "route-graph-group";

    /// <summary>Group of the notification rules' consumer of <see cref="Predictions"/>.</summary>
    public const string NotificationGroup = "notification-group";

    /// <summary>Group of the browser push's consumer of <see cref="Notifications"/>.</summary>
    public const string WebSocketGroup = "websocket-group";
}
