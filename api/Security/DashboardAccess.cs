using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using Orleans.Runtime;

namespace TrafficOrleans.Api.Security;

/// <summary>
/// Guards the Orleans Dashboard (grain state, a live log stream at <c>/Trace</c>) with the admin key. Disabled (404)
/// unless <c>Admin:ApiKey</c> is set; then header <c>X-Admin-Key</c> or HTTP Basic with the key as password (the
/// browser asks for it: any user name) lets a request in, anything else is a 401 with a Basic challenge. The
/// dashboard's own failures on malformed or unknown silo addresses become a 400 instead of a 500.
/// </summary>
public sealed partial class DashboardAccess(RequestDelegate next, IConfiguration configuration, ILogger<DashboardAccess> logger)
{
    /// <summary>Checks the key, then runs the dashboard.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var configured = AdminKey.Configured(configuration);
        if (configured is null)
        {
            await TypedResults.Problem(
                title: "Dashboard disabled",
                detail: $"Set {AdminKey.ConfigurationKey} (environment Admin__ApiKey) to enable the Orleans Dashboard.",
                statusCode: StatusCodes.Status404NotFound).ExecuteAsync(context);
            return;
        }

        if (!AdminKey.IsPresented(context.Request, configured, allowBasic: true))
        {
            context.Response.Headers[HeaderNames.WWWAuthenticate] = "Basic realm=\"Orleans Dashboard\", charset=\"UTF-8\"";
            await TypedResults.Problem(
                title: "Unauthorized",
                detail: $"Send the admin key as header {AdminKey.HeaderName}, or as the password of HTTP Basic authentication.",
                statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && ex is OrleansMessageRejectionException or SiloUnavailableException)
        {
            // A silo address in the URL that is not (or no longer) a member of the cluster.
            await RefuseAsync(context, ex, StatusCodes.Status404NotFound, "Unknown silo", "The URL names a silo that is not a member of this cluster.");
        }
        catch (Exception ex) when (!context.Response.HasStarted && ex is OrleansException or FormatException or ArgumentException or KeyNotFoundException or InvalidOperationException)
        {
            // The dashboard parses silo addresses, grain types and statistic names from the URL and throws on ones it cannot use.
            await RefuseAsync(context, ex, StatusCodes.Status400BadRequest, "Bad dashboard request", "The URL names no silo, grain type or statistic the dashboard knows.");
        }
    }

    private async Task RefuseAsync(HttpContext context, Exception exception, int status, string title, string detail)
    {
        LogBadDashboardRequest(logger, context.Request.Path, exception.Message);
        context.Response.Clear();
        await TypedResults.Problem(title: title, detail: detail, statusCode: status).ExecuteAsync(context);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard request {Path} refused: {Reason}")]
    private static partial void LogBadDashboardRequest(ILogger logger, string path, string reason);
}
