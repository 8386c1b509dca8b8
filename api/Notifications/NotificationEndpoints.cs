using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TrafficOrleans.Api.Common;
using TrafficOrleans.Api.Security;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.GrainInterfaces.Time;
using TrafficOrleans.Roads;
using TrafficOrleans.Storage.Postgres.Notifications;

namespace TrafficOrleans.Api.Notifications;

/// <summary><c>/notifications</c>: the alert history every silo wrote to PostgreSQL, as the alerts were published.</summary>
public static class NotificationEndpoints
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 500;
    private static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(7);
    private static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(92);

    /// <summary>Maps the notification history endpoint.</summary>
    public static RouteGroupBuilder MapNotificationsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/notifications").WithTags("Notifications").RequireRateLimiting(PublicRateLimiting.PolicyName);
        group.MapGet("", GetNotificationsAsync)
            .WithName("GetNotifications")
            .WithSummary("Alert history, newest first: ?from=&to= (default the last 7 days), ?road_id=, ?alert_type=, ?severity=, ?bbox=south,west,north,east, ?limit= (50, at most 500); pass next_cursor back as ?cursor= for the next page.");
        return group;
    }

    private static async Task<Results<Ok<NotificationPage>, ValidationProblem>> GetNotificationsAsync(
        NotificationHistory history, RoadAtlas atlas, [FromKeyedServices(TrafficClock.Key)] TimeProvider clock, CancellationToken cancellationToken,
        DateTimeOffset? from = null, DateTimeOffset? to = null, [FromQuery(Name = "road_id")] string? roadId = null,
        [FromQuery(Name = "alert_type")] string? alertType = null, string? severity = null,
        [FromQuery(Name = BoundingBoxParameter.Name)] string? bbox = null, int limit = DefaultLimit, string? cursor = null)
    {
        var end = to ?? clock.GetUtcNow();
        var start = from ?? end - DefaultPeriod;
        var errors = new Dictionary<string, string[]>();
        if (start >= end) errors["from"] = ["from must be before to."];
        if (end - start > MaxPeriod) errors["to"] = [$"the period may be at most {MaxPeriod.TotalDays:0} days."];
        if (limit is < 1 or > MaxLimit) errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
        if (roadId is not null && string.IsNullOrWhiteSpace(roadId)) errors["road_id"] = ["road_id must not be empty."];
        if (alertType is not null && !AlertTypes.All.Contains(alertType)) errors["alert_type"] = [$"alert_type must be one of {string.Join(", ", AlertTypes.All)}."];
        if (severity is not null && !AlertSeverities.All.Contains(severity)) errors["severity"] = [$"severity must be one of {string.Join(", ", AlertSeverities.All)}."];
        NotificationCursor? after = null;
        if (cursor is not null)
        {
            if (NotificationCursor.TryDecode(cursor, out var decoded)) after = decoded;
            else errors["cursor"] = ["cursor must be a next_cursor returned by this endpoint."];
        }

        var area = BoundingBoxParameter.Read(bbox, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var filter = new NotificationFilter(start, end, RoadsOf(roadId, area, atlas), alertType, severity);
        var (rows, next) = await history.PageAsync(filter, after, limit, cancellationToken);
        return TypedResults.Ok(new NotificationPage([.. rows.Select(row => Parse(row.Json))], next?.Encode()));
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    // Null: every road. An area becomes the roads the map places in it (alerts only name their road).
    private static IReadOnlyCollection<string>? RoadsOf(string? roadId, GeoBox? area, RoadAtlas atlas)
    {
        if (area is not { } box) return roadId is null ? null : [roadId];
        var inArea = atlas.Within(box).Select(road => road.RoadId);
        return roadId is null ? [.. inArea] : [.. inArea.Where(id => id == roadId)];
    }
}
