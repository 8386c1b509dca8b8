namespace TrafficOrleans.GrainInterfaces.Grains;

/// <summary>
/// Answers route queries from the calling silo's replica of the weights snapshot. A stateless worker: each silo
/// runs several activations, so queries never queue behind each other or behind weight updates.
/// </summary>
public interface IRouteQueryGrain : IGrainWithIntegerKey
{
    /// <summary>Best route plus up to two alternatives, or why there is none.</summary>
    Task<RouteQueryResult> RecommendAsync(RouteQuery query);
}
