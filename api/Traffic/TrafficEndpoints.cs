using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using TrafficOrleans.Api.Common;
using TrafficOrleans.Api.Hosting;
using TrafficOrleans.Api.Security;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Roads;
using TrafficOrleans.Storage.Redis;

namespace TrafficOrleans.Api.Traffic;

/// <summary>
/// <c>/traffic</c>: the current state of the city's roads, served from the Redis hot keys or, when Redis cannot
/// answer, from PostgreSQL (header <see cref="CurrentTrafficSource.HeaderName"/> says which).
/// </summary>
public static class TrafficEndpoints
{
    private const int MaxRoads = 50_000;

    /// <summary>Maps the traffic endpoints.</summary>
    public static RouteGroupBuilder MapTrafficApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/traffic").WithTags("Traffic").RequireRateLimiting(PublicRateLimiting.PolicyName);

        group.MapGet("/current", GetAllCurrentAsync)
            .WithName("GetCurrentTraffic")
            .WithSummary("Current traffic (and the forecast made from it) of every road seen in the last 10 minutes, of those meeting ?bbox=south,west,north,east, or of one road with ?road_id=.");

        group.MapGet("/current/{roadId}", GetCurrentAsync)
            .WithName("GetCurrentTrafficOfRoad")
            .WithSummary("Current traffic of one road.");

        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<RoadTrafficResponse>>, ValidationProblem, ProblemHttpResult>> GetAllCurrentAsync(
        HttpResponse response, CurrentTrafficReader reader, RoadAtlas atlas, IOptions<RedisCacheOptions> redis, CancellationToken cancellationToken,
        [FromQuery(Name = "road_id")] string? roadId = null, [FromQuery(Name = BoundingBoxParameter.Name)] string? bbox = null)
    {
        var errors = new Dictionary<string, string[]>();
        var area = BoundingBoxParameter.Read(bbox, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (!string.IsNullOrWhiteSpace(roadId))
        {
            var road = await reader.OneRoadAsync(roadId, cancellationToken);
            if (road is null) return Unavailable(response, redis.Value);
            response.Headers[CurrentTrafficSource.HeaderName] = road.Source;
            return road.Readings.Count == 0 ? NoCurrentReading(roadId) : TypedResults.Ok(await WithPredictionsAsync(reader, road.Readings));
        }

        var all = await reader.AllRoadsAsync(MaxRoads, cancellationToken);
        if (all is null) return Unavailable(response, redis.Value);
        response.Headers[CurrentTrafficSource.HeaderName] = all.Source;
        var readings = area is { } box ? [.. all.Readings.Where(reading => atlas.IsWithin(reading.RoadId, box))] : all.Readings;
        return TypedResults.Ok(await WithPredictionsAsync(reader, readings));
    }

    private static async Task<Results<Ok<RoadTrafficResponse>, ProblemHttpResult>> GetCurrentAsync(
        string roadId, HttpResponse response, CurrentTrafficReader reader, IOptions<RedisCacheOptions> redis, CancellationToken cancellationToken)
    {
        var road = await reader.OneRoadAsync(roadId, cancellationToken);
        if (road is null) return Unavailable(response, redis.Value);
        response.Headers[CurrentTrafficSource.HeaderName] = road.Source;
        return road.Readings.Count == 0 ? NoCurrentReading(roadId) : TypedResults.Ok((await WithPredictionsAsync(reader, road.Readings))[0]);
    }

    private static async Task<IReadOnlyList<RoadTrafficResponse>> WithPredictionsAsync(CurrentTrafficReader reader, IReadOnlyList<TrafficReading> readings)
    {
        var predictions = await reader.PredictionsOfAsync(readings);
        return [.. readings.Select(reading => RoadTrafficResponse.From(reading, predictions.GetValueOrDefault(reading.RoadId)))];
    }

    private static ProblemHttpResult NoCurrentReading(string roadId) =>
        TypedResults.Problem(
            title: "No current reading",
            detail: $"Road '{roadId}' has no reading from the last {CurrentTrafficReader.MaxAge.TotalMinutes:0} minutes.",
            statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult Unavailable(HttpResponse response, RedisCacheOptions redis) =>
        ServiceUnavailable.Problem(response, "Current traffic unavailable", "Neither Redis nor PostgreSQL can answer right now; try again.", redis.BreakerOpenFor);
}
