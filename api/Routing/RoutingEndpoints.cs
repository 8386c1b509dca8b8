using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrafficOrleans.Api.Security;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Api.Routing;

/// <summary><c>/route</c>: route recommendations on the predicted speeds, answered by the silo's route-query grains.</summary>
public static partial class RoutingEndpoints
{
    /// <summary>Maps the routing endpoints.</summary>
    public static IEndpointRouteBuilder MapRoutingApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/route").WithTags("Routing").RequireRateLimiting(PublicRateLimiting.PolicyName);
        var limits = endpoints.ServiceProvider.GetRequiredService<IOptions<HttpLimitsOptions>>().Value;
        group.MapPost("/recommend", RecommendAsync)
            .WithMetadata(new RequestBodyLimit(limits.MaxRouteRequestBytes))
            .WithName("RecommendRoute")
            .WithSummary("Best route from origin to destination on predicted speeds, with two alternatives.")
            .WithDescription("Each route has eta_minutes (time-dependent: every road at the forecast for when it is reached) and "
                + "eta_range_minutes {low, high}: " + EtaRange.Meaning)
            .Accepts<RouteRecommendRequest>("application/json");
        return endpoints;
    }

    private static async Task<Results<Ok<RouteRecommendResponse>, ValidationProblem, ProblemHttpResult>> RecommendAsync(
        HttpRequest http, IGrainFactory grains, ILoggerFactory loggers)
    {
        // The body is read here rather than bound, so malformed JSON is a 400 problem saying what is wrong.
        RouteRecommendRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<RouteRecommendRequest>(http.Body, TrafficJson.Options, http.HttpContext.RequestAborted);
        }
        catch (JsonException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"Malformed JSON: {ex.Message}"] });
        }
        catch (BadHttpRequestException ex)
        {
            // A body over the route limit (413) or one Kestrel cannot read, e.g. broken chunked encoding (400).
            return TypedResults.Problem(title: "Unreadable request body", detail: ex.Message, statusCode: ex.StatusCode);
        }

        if (RouteRequestValidator.Validate(request, out var errors) is not { } query) return TypedResults.ValidationProblem(errors);

        RouteQueryResult result;
        try
        {
            result = await grains.GetGrain<IRouteQueryGrain>(0).RecommendAsync(query);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogQueryFailed(loggers.CreateLogger(typeof(RoutingEndpoints).FullName!), ex);
            return TypedResults.Problem(title: "Routing unavailable", detail: "The route could not be computed right now; try again.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return result.Outcome switch
        {
            RouteQueryOutcome.Found => TypedResults.Ok(new RouteRecommendResponse(result.RecommendedRoute!, result.Alternatives, result.GraphVersion)),
            RouteQueryOutcome.OriginOutsideMap => Unroutable("Origin outside the map", "The origin is too far from every road of the map.", "origin_outside_map", result),
            RouteQueryOutcome.DestinationOutsideMap => Unroutable("Destination outside the map", "The destination is too far from every road of the map.", "destination_outside_map", result),
            _ => Unroutable("No path", "Origin and destination are on the map but no road path connects them.", "no_path", result),
        };
    }

    private static ProblemHttpResult Unroutable(string title, string detail, string reason, RouteQueryResult result) =>
        TypedResults.Problem(
            title: title,
            detail: detail,
            statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { ["reason"] = reason, ["graph_version"] = result.GraphVersion });

    [LoggerMessage(Level = LogLevel.Error, Message = "Route query failed")]
    private static partial void LogQueryFailed(ILogger logger, Exception exception);
}
