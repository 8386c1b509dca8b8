using System.Text.Json.Serialization;

namespace TrafficOrleans.Ingest.Preprocessing;

/// <summary>Why a reading was rejected (the <c>reason</c> of a <c>traffic-dlq</c> message).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RejectionReason>))]
public enum RejectionReason
{
    /// <summary>No road id (or none could be derived, e.g. a HERE item without shape).</summary>
    [JsonStringEnumMemberName("missing_road_id")] MissingRoadId,

    /// <summary>No speed value (empty cell, a benchmark's 0 = missing).</summary>
    [JsonStringEnumMemberName("missing_speed")] MissingSpeed,

    /// <summary>Speed or another number is NaN or infinite.</summary>
    [JsonStringEnumMemberName("not_a_number")] NotANumber,

    /// <summary>Speed below zero.</summary>
    [JsonStringEnumMemberName("negative_speed")] NegativeSpeed,

    /// <summary>Speed above the configured maximum.</summary>
    [JsonStringEnumMemberName("absurd_speed")] AbsurdSpeed,

    /// <summary>Free-flow speed missing, zero, negative or absurd: no speed ratio can be computed.</summary>
    [JsonStringEnumMemberName("invalid_free_flow_speed")] InvalidFreeFlowSpeed,

    /// <summary>Jam factor outside 0–10.</summary>
    [JsonStringEnumMemberName("invalid_jam_factor")] InvalidJamFactor,

    /// <summary>The source reports the road closed: no speed to learn from.</summary>
    [JsonStringEnumMemberName("road_closed")] RoadClosed,

    /// <summary>A value the product's limits refuse (timestamp outside the accepted window, id or name too long or with control characters).</summary>
    [JsonStringEnumMemberName("out_of_range")] OutOfRange,

    /// <summary>The input could not be parsed (bad CSV line, unreadable timestamp).</summary>
    [JsonStringEnumMemberName("malformed")] Malformed,
}
