using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace TrafficOrleans.Push.Updates;

/// <summary>One road in a <c>trafficUpdated</c> message: its current speed, level and forecast (km/h).</summary>
[DataContract]
public sealed record TrafficUpdate(
    [property: DataMember(Name = "road_id"), JsonPropertyName("road_id")] string RoadId,
    [property: DataMember(Name = "current_speed"), JsonPropertyName("current_speed")] double CurrentSpeed,
    [property: DataMember(Name = "congestion_level"), JsonPropertyName("congestion_level")] string CongestionLevel,
    [property: DataMember(Name = "predicted_speed_10min"), JsonPropertyName("predicted_speed_10min")] double PredictedSpeed10Min,
    [property: DataMember(Name = "predicted_speed_20min"), JsonPropertyName("predicted_speed_20min")] double PredictedSpeed20Min,
    [property: DataMember(Name = "predicted_speed_30min"), JsonPropertyName("predicted_speed_30min")] double PredictedSpeed30Min);
