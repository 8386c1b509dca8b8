namespace TrafficOrleans.GrainInterfaces.Messages.Validation;

/// <summary>Whether a <see cref="TrafficReading"/> holds values a road could have.</summary>
public static class TrafficReadingRules
{
    /// <summary>
    /// The first problem of the reading, or null when it is acceptable. <paramref name="now"/> is the consumer's
    /// clock (null: only the absolute timestamp bounds apply); <paramref name="knownRoads"/> is consulted when
    /// the policy rejects unknown roads.
    /// </summary>
    public static ValidationFailure? Check(TrafficReading reading, MessageLimits limits, DateTimeOffset? now = null, IKnownRoads? knownRoads = null)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(limits);
        var failure = ValueRules.EventId(reading.EventId)
            ?? ValueRules.RoadId(reading.RoadId, limits)
            ?? RoadName(reading.RoadName, limits)
            ?? ValueRules.Timestamp(reading.Timestamp, limits, now)
            ?? ValueRules.Speed("current_speed", reading.CurrentSpeed, limits)
            ?? FreeFlow(reading.FreeFlowSpeed, limits)
            ?? JamFactor(reading.JamFactor, limits)
            ?? Ratio(reading.SpeedRatio)
            ?? NeighbourRatio(reading.NeighbourRatio)
            ?? Level(reading.CongestionLevel)
            ?? Position(reading.Coordinates);
        if (failure is not null) return failure;
        if (limits.UnknownRoads == UnknownRoadPolicy.Reject && knownRoads is not null && !knownRoads.Contains(reading.RoadId))
        {
            return new("unknown-road", $"road {reading.RoadId} is not in the road network (Validation:UnknownRoads = Reject)");
        }

        return null;
    }

    private static ValidationFailure? RoadName(string? name, MessageLimits limits)
    {
        if (name is null) return new("missing-road-name", "road_name is missing");
        if (name.Length > limits.MaxRoadNameLength) return new("invalid-road-name", $"road_name is {name.Length} characters, more than {limits.MaxRoadNameLength}");
        return ValueRules.HasControlCharacter(name) ? new("invalid-road-name", "road_name contains control characters") : null;
    }

    private static ValidationFailure? FreeFlow(double value, MessageLimits limits) =>
        ValueRules.Speed("free_flow_speed", value, limits)
        ?? (value == 0 ? new ValidationFailure("invalid-free-flow-speed", "free_flow_speed is 0 km/h") : null);

    private static ValidationFailure? JamFactor(double value, MessageLimits limits) =>
        double.IsFinite(value) && value >= 0 && value <= limits.MaxJamFactor
            ? null
            : new ValidationFailure("invalid-jam-factor", $"jam_factor {value} is not in [0, {limits.MaxJamFactor}]");

    private static ValidationFailure? Ratio(double value) =>
        double.IsFinite(value) && value >= 0 ? null : new ValidationFailure("invalid-speed-ratio", $"speed_ratio {value} is not a finite non-negative number");

    private static ValidationFailure? NeighbourRatio(double? value) =>
        value is null || (double.IsFinite(value.Value) && value.Value >= 0)
            ? null
            : new ValidationFailure("invalid-neighbour-ratio", $"neighbour_ratio {value} is not a finite non-negative number");

    private static ValidationFailure? Level(CongestionLevel level) =>
        Enum.IsDefined(level) ? null : new ValidationFailure("invalid-congestion-level", $"congestion_level {(int)level} is not a known level");

    private static ValidationFailure? Position(Coordinates? point) =>
        point is null || (double.IsFinite(point.Lat) && double.IsFinite(point.Lng) && Math.Abs(point.Lat) <= 90 && Math.Abs(point.Lng) <= 180)
            ? null
            : new ValidationFailure("invalid-coordinates", "coordinates are not a WGS-84 point");
}
