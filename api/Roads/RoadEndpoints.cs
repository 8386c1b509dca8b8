using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using TrafficOrleans.Api.Common;
using TrafficOrleans.Api.Security;
using TrafficOrleans.Api.Traffic;
using TrafficOrleans.Roads;

namespace TrafficOrleans.Api.Roads;

/// <summary><c>/roads</c>: the map's roads (geometry from the road atlas) and one road's panel (history from PostgreSQL).</summary>
public static class RoadEndpoints
{
    /// <summary>Maps the road endpoints.</summary>
    public static RouteGroupBuilder MapRoadsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/roads").WithTags("Roads").RequireRateLimiting(PublicRateLimiting.PolicyName);

        group.MapGet("", GetRoads)
            .WithName("GetRoads")
            .WithSummary("Every road of the map (or those meeting ?bbox=south,west,north,east): id, name, class, length, free-flow speed and polylines.");

        group.MapGet("/{roadId}", GetRoadAsync)
            .WithName("GetRoad")
            .WithSummary("One road: its facts and geometry, current reading, the readings of the last 2 hours, the latest prediction and the last 2 hours' predictions against what happened.");

        return group;
    }

    private static Results<Ok<IReadOnlyList<RoadResponse>>, ValidationProblem> GetRoads(RoadAtlas atlas, [FromQuery(Name = BoundingBoxParameter.Name)] string? bbox = null)
    {
        var errors = new Dictionary<string, string[]>();
        var area = BoundingBoxParameter.Read(bbox, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var roads = area is { } box ? atlas.Within(box) : atlas.Roads;
        return TypedResults.Ok<IReadOnlyList<RoadResponse>>([.. roads.Select(RoadResponse.From)]);
    }

    private static async Task<Results<Ok<RoadDetailResponse>, ProblemHttpResult>> GetRoadAsync(
        string roadId, RoadAtlas atlas, NpgsqlDataSource dataSource, CurrentTrafficReader current, CancellationToken cancellationToken)
    {
        if (atlas.Find(roadId) is not { } road)
        {
            return TypedResults.Problem(title: "Unknown road", detail: $"The map has no road '{roadId}'.", statusCode: StatusCodes.Status404NotFound);
        }

        var now = await current.OneRoadAsync(roadId, cancellationToken);
        var (history, prediction, outcomes) = await RoadHistoryQuery.RunAsync(dataSource, roadId, cancellationToken);
        var shape = RoadResponse.From(road);
        return TypedResults.Ok(new RoadDetailResponse(
            shape.RoadId, shape.RoadName, shape.RoadClass, shape.LengthMeters, shape.FreeFlowSpeed, shape.Lines,
            now is { Readings.Count: > 0 } ? RoadTrafficResponse.From(now.Readings[0]) : null,
            history, prediction, outcomes));
    }
}
