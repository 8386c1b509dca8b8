namespace TrafficOrleans.GrainInterfaces.Grains;

/// <summary>The answer to a <see cref="RouteQuery"/>.</summary>
/// <param name="Outcome">Found, or why not.</param>
/// <param name="RecommendedRoute">The fastest route (null unless found).</param>
/// <param name="Alternatives">Up to two genuinely different routes, fastest first.</param>
/// <param name="GraphVersion">Version of the weights the routes were computed on.</param>
/// <param name="FromCache">Whether the answer came from the Redis route cache.</param>
[GenerateSerializer, Immutable]
public sealed record RouteQueryResult(
    [property: Id(0)] RouteQueryOutcome Outcome,
    [property: Id(1)] RouteOption? RecommendedRoute,
    [property: Id(2)] IReadOnlyList<RouteOption> Alternatives,
    [property: Id(3)] string GraphVersion,
    [property: Id(4)] bool FromCache);
