using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;
using TrafficOrleans.Api.Hosting;

namespace TrafficOrleans.Api.Security;

/// <summary>
/// The rate-limit policy of the public endpoints: a fixed window per client IP address (<see cref="RateLimitOptions"/>),
/// answered beyond the limit with 429 problem details and <c>Retry-After</c>. Applied to an endpoint group with
/// <c>RequireRateLimiting(PublicRateLimiting.PolicyName)</c>.
/// </summary>
public static class PublicRateLimiting
{
    /// <summary>Name of the policy.</summary>
    public const string PolicyName = "public";

    /// <summary>Adds the policy and the 429 answer to the limiter options.</summary>
    public static void Configure(RateLimiterOptions limiter, RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        ArgumentNullException.ThrowIfNull(options);
        limiter.AddPolicy(PolicyName, context =>
        {
            if (!options.Enabled) return RateLimitPartition.GetNoLimiter("disabled");
            var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.PermitLimit,
                Window = options.Window,
                QueueLimit = 0,
            });
        });
        limiter.OnRejected = (rejected, cancellationToken) =>
        {
            var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Window;
            var http = rejected.HttpContext;
            http.Response.Headers[HeaderNames.RetryAfter] = ServiceUnavailable.RetryAfterSeconds(retryAfter);
            return new ValueTask(TypedResults.Problem(
                title: "Too many requests",
                detail: $"At most {options.PermitLimit} requests per {options.Window.TotalSeconds:0.#} s from one address; retry after the Retry-After seconds.",
                statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http));
        };
    }
}
