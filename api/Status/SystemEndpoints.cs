using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using TrafficOrleans.Api.Hosting;
using TrafficOrleans.Api.Security;

namespace TrafficOrleans.Api.Status;

/// <summary><c>/system</c>: the operator's glance (silos, pipeline lag, champion model, ingestion); no secrets, rate-limited like the public API.</summary>
public static class SystemEndpoints
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>Maps the system endpoints.</summary>
    public static RouteGroupBuilder MapSystemApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/system").WithTags("System").RequireRateLimiting(PublicRateLimiting.PolicyName);

        group.MapGet("/status", GetStatusAsync)
            .WithName("GetSystemStatus")
            .WithSummary("Active silos, outbox backlog (pending rows and the oldest one's age), consumer lag per group and topic, the champion model with its metrics, and the newest ingestion tick with its road count.");

        return group;
    }

    private static async Task<Results<Ok<SystemStatus>, ProblemHttpResult>> GetStatusAsync(
        HttpResponse response, SystemStatusQuery query, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await query.RunAsync(cancellationToken));
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or SocketException)
        {
            return ServiceUnavailable.Problem(response, "PostgreSQL is unavailable", "The system status could not be read from PostgreSQL; try again shortly.", RetryAfter);
        }
    }
}
