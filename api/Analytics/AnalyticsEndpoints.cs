using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Npgsql;
using TrafficOrleans.Api.Security;
using TrafficOrleans.GrainInterfaces.Time;
using Microsoft.Extensions.DependencyInjection;

namespace TrafficOrleans.Api.Analytics;

/// <summary><c>/analytics</c>: history and model accuracy for the analytics page, from PostgreSQL.</summary>
public static class AnalyticsEndpoints
{
    private const int MaxHours = 24 * 31;
    private const int MaxTopRoads = 100;
    private static readonly TimeSpan MaxTrendPeriod = TimeSpan.FromDays(92);

    /// <summary>Maps the analytics endpoints.</summary>
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/analytics").WithTags("Analytics").RequireRateLimiting(PublicRateLimiting.PolicyName);

        group.MapGet("/model-accuracy", GetModelAccuracyAsync)
            .WithName("GetModelAccuracy")
            .WithSummary("Rolling MAE per model version and horizon of the predictions of the last ?hours= (default 24), against the readings that later arrived.");

        group.MapGet("/trends", GetCityTrendsAsync)
            .WithName("GetTrafficTrends")
            .WithSummary("City-wide (or ?road_id=) hourly average speed, weekday × hour rush-hour patterns and the ?limit= (10) most congested roads, ?from=…&to=… (default: the last 7 days).");

        group.MapGet("/roads/{roadId}/hourly", GetRoadHourlyAsync)
            .WithName("GetRoadHourly")
            .WithSummary("Hourly average speed, speed ratio, jam factor and congestion level of one road over the last ?hours= (default 24).");

        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<ModelAccuracy>>, ValidationProblem>> GetModelAccuracyAsync(
        NpgsqlDataSource dataSource, [FromKeyedServices(TrafficClock.Key)] TimeProvider clock, CancellationToken cancellationToken, int hours = 24)
    {
        if (InvalidHours(hours) is { } problem)
        {
            return problem;
        }

        var to = clock.GetUtcNow();
        return TypedResults.Ok(await ModelAccuracyQuery.RunAsync(dataSource, to.AddHours(-hours), to, cancellationToken));
    }

    private static async Task<Results<Ok<CityTrends>, ValidationProblem>> GetCityTrendsAsync(
        NpgsqlDataSource dataSource, [FromKeyedServices(TrafficClock.Key)] TimeProvider clock, IConfiguration configuration, CancellationToken cancellationToken,
        [FromQuery(Name = "road_id")] string? roadId = null, DateTimeOffset? from = null, DateTimeOffset? to = null, int limit = 10)
    {
        var end = to ?? clock.GetUtcNow();
        var start = from ?? end.AddDays(-7);
        var errors = new Dictionary<string, string[]>();
        if (start >= end) errors["from"] = ["from must be before to."];
        if (end - start > MaxTrendPeriod) errors["to"] = [$"the period may be at most {MaxTrendPeriod.TotalDays:0} days."];
        if (limit is < 1 or > MaxTopRoads) errors["limit"] = [$"limit must be between 1 and {MaxTopRoads}."];
        if (roadId is not null && string.IsNullOrWhiteSpace(roadId)) errors["road_id"] = ["road_id must not be empty."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        // The city's own clock for weekday and hour of day: the simulator's and ingestion's time zone.
        var cityTime = TimeZoneInfo.FindSystemTimeZoneById(configuration["Ingest:TimeZone"] ?? "Asia/Ho_Chi_Minh");
        return TypedResults.Ok(await CityTrendsQuery.RunAsync(dataSource, start.ToUniversalTime(), end.ToUniversalTime(), roadId, limit, cityTime, cancellationToken));
    }

    private static async Task<Results<Ok<IReadOnlyList<TrafficTrend>>, ValidationProblem>> GetRoadHourlyAsync(
        NpgsqlDataSource dataSource, [FromKeyedServices(TrafficClock.Key)] TimeProvider clock, string roadId, CancellationToken cancellationToken, int hours = 24)
    {
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
