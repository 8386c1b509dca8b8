using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Ingest;

/// <summary>
/// An observation as a source read it, before validation: anything may be missing or absurd here.
/// Speeds are already converted to km/h; a missing speed is NaN.
/// </summary>
/// <param name="RoadId">Stable road id, or null/blank when the source could not identify the road.</param>
/// <param name="RoadName">Human name, if known.</param>
/// <param name="Timestamp">When the observation was made.</param>
/// <param name="SpeedKmh">Current speed (NaN when missing).</param>
/// <param name="FreeFlowSpeedKmh">Uncongested speed, if known.</param>
/// <param name="JamFactor">HERE jam factor 0–10, if known; estimated from the speed ratio otherwise.</param>
/// <param name="IsClosed">The source reports the road closed.</param>
/// <param name="Coordinates">A representative point of the road, if known.</param>
public readonly record struct RawReading(
    string? RoadId,
    string? RoadName,
    DateTimeOffset Timestamp,
    double SpeedKmh,
    double? FreeFlowSpeedKmh,
    double? JamFactor,
    bool IsClosed,
    Coordinates? Coordinates);
