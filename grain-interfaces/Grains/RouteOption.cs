using System.ComponentModel;

namespace TrafficOrleans.GrainInterfaces.Grains;

/// <summary>One route of an answer, in the shape of the HTTP response.</summary>
/// <param name="Waypoints">Points in travel order with the road travelled from each.</param>
/// <param name="DistanceKm">Length.</param>
/// <param name="EtaMinutes">Time-dependent travel time on the predicted speeds.</param>
/// <param name="CongestionSummary">The worst stretch, e.g. "Heavy on Kim Ma, +6 min".</param>
/// <param name="EtaRangeMinutes">Where the ETA is expected to fall given the predictions' 10–90 % ranges (see
/// <see cref="EtaRange"/>); null only in answers cached before it existed.</param>
[GenerateSerializer, Immutable]
public sealed record RouteOption(
    [property: Id(0)] IReadOnlyList<RoutePoint> Waypoints,
    [property: Id(1)] double DistanceKm,
    [property: Id(2)] double EtaMinutes,
    [property: Id(3)] string CongestionSummary,
    [property: Id(4), Description(EtaRange.Meaning)] EtaRange? EtaRangeMinutes = null);
