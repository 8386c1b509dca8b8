using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using TrafficOrleans.Api.Security;

namespace TrafficOrleans.Api.Analytics;

/// <summary><c>/analytics</c>: history and model accuracy for the analytics page, from PostgreSQL.</summary>
public static class AnalyticsEndpoints
{
    private const int MaxHours = 24 * 31;

    /// <summary>Maps the analytics endpoints.</summary>
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/analytics").WithTags("Analytics").RequireRateLimiting(PublicRateLimiting.PolicyName);

        group.MapGet("/model-accuracy", GetModelAccuracyAsync)
            .WithName("GetModelAccuracy")
            .WithSummary("Rolling MAE per model version and horizon of the predictions of the last ?hours= (default 24), against the readings that later arrived.");

        group.MapGet("/trends", GetTrendsAsync)
            .WithName("GetTrafficTrends")
            .WithSummary("Hourly average speed, speed ratio, jam factor and congestion level of ?road_id= over the last ?hours= (default 24).");

        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<ModelAccuracy>>, ValidationProblem>> GetModelAccuracyAsync(
        NpgsqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken, int hours = 24)
    {
        if (InvalidHours(hours) is { } problem)
        {
            return problem;
        }

        var to = clock.GetUtcNow();
        return TypedResults.Ok(await ModelAccuracyQuery.RunAsync(dataSource, to.AddHours(-hours), to, cancellationToken));
    }

    private static async Task<Results<Ok<IReadOnlyList<TrafficTrend>>, ValidationProblem>> GetTrendsAsync(
        NpgsqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken,
        [FromQuery(Name = "road_id")] string? roadId = null, int hours = 24)
    {
        if (string.IsNullOrWhiteSpace(roadId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["road_id"] = ["road_id is required."] });
        }

        if (InvalidHours(hours) is { } problem)
        {
            return problem;
        }

        var to = clock.GetUtcNow();
        return TypedResults.Ok(await TrafficTrendQuery.RunAsync(dataSource, roadId, to.AddHours(-hours), to, cancellationToken));
    }

    private static ValidationProblem? InvalidHours(int hours) => hours is < 1 or > MaxHours
        ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["hours"] = [$"hours must be between 1 and {MaxHours}."] })
        : null;
}
