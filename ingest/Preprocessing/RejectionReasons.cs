namespace TrafficOrleans.Ingest.Preprocessing;

/// <summary>Wire names of <see cref="RejectionReason"/> (metric tags, logs) without boxing or reflection.</summary>
public static class RejectionReasons
{
    /// <summary>The snake_case name, as on the wire.</summary>
    public static string Name(RejectionReason reason) => reason switch
    {
        RejectionReason.MissingRoadId => "missing_road_id",
        RejectionReason.MissingSpeed => "missing_speed",
        RejectionReason.NotANumber => "not_a_number",
        RejectionReason.NegativeSpeed => "negative_speed",
        RejectionReason.AbsurdSpeed => "absurd_speed",
        RejectionReason.InvalidFreeFlowSpeed => "invalid_free_flow_speed",
        RejectionReason.InvalidJamFactor => "invalid_jam_factor",
        RejectionReason.RoadClosed => "road_closed",
        RejectionReason.OutOfRange => "out_of_range",
        _ => "malformed",
    };
}
