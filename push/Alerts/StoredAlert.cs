using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace TrafficOrleans.Push.Alerts;

/// <summary>A row of <c>notifications</c>, as <c>GetAlertsSince</c> returns it (the columns the table keeps of an alert).</summary>
[DataContract]
public sealed record StoredAlert(
    [property: DataMember(Name = "event_id"), JsonPropertyName("event_id")] Guid EventId,
    [property: DataMember(Name = "timestamp"), JsonPropertyName("timestamp")] DateTimeOffset Timestamp,
    [property: DataMember(Name = "alert_type"), JsonPropertyName("alert_type")] string AlertType,
    [property: DataMember(Name = "road_id"), JsonPropertyName("road_id")] string RoadId,
    [property: DataMember(Name = "severity"), JsonPropertyName("severity")] string Severity,
    [property: DataMember(Name = "message"), JsonPropertyName("message")] string Message);
