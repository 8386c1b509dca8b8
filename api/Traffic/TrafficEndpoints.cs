using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using TrafficOrleans.Storage.Redis;

namespace TrafficOrleans.Api.Traffic;

/// <summary><c>/traffic</c>: the current state of the city's roads, served from the Redis hot keys.</summary>
public static class TrafficEndpoints
{
    private const int MaxRoads = 50_000;

    /// <summary>Maps the traffic endpoints.</summary>
    public static IEndpointRouteBuilder MapTrafficApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/traffic").WithTags("Traffic");

        group.MapGet("/current", GetAllCurrentAsync)
            .WithName("GetCurrentTraffic")
            .WithSummary("Current traffic of every road seen in the last 10 minutes, or of one road with ?road_id=.");

        group.MapGet("/current/{roadId}", GetCurrentAsync)
            .WithName("GetCurrentTrafficOfRoad")
            .WithSummary("Current traffic of one road.");

        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<RoadTrafficResponse>>, ProblemHttpResult>> GetAllCurrentAsync(
        RoadCache cache, TimeProvider clock, [FromQuery(Name = "road_id")] string? roadId = null)
    {
        if (!string.IsNullOrWhiteSpace(roadId))
        {
            var reading = await cache.GetCurrentAsync(roadId);
            return reading is null
                ? NoCurrentReading(roadId)
                : TypedResults.Ok<IReadOnlyList<RoadTrafficResponse>>([RoadTrafficResponse.From(reading)]);
        }

        var readings = await cache.GetAllCurrentAsync(RedisKeys.RoadCurrentTtl, MaxRoads, clock.GetUtcNow());
        return TypedResults.Ok<IReadOnlyList<RoadTrafficResponse>>(readings.Select(RoadTrafficResponse.From).ToList());
    }

    private static async Task<Results<Ok<RoadTrafficResponse>, ProblemHttpResult>> GetCurrentAsync(string roadId, RoadCache cache)
    {
        var reading = await cache.GetCurrentAsync(roadId);
        return reading is null ? NoCurrentReading(roadId) : TypedResults.Ok(RoadTrafficResponse.From(reading));
    }

    private static ProblemHttpResult NoCurrentReading(string roadId) =>
        TypedResults.Problem(
            title: "No current reading",
            detail: $"Road '{roadId}' has no reading from the last {RedisKeys.RoadCurrentTtl.TotalMinutes:0} minutes.",
            statusCode: StatusCodes.Status404NotFound);
}
