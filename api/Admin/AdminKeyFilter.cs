using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrafficOrleans.Api.Security;

namespace TrafficOrleans.Api.Admin;

/// <summary>
/// Guards the admin endpoints with the shared <see cref="AdminKey"/>: header <c>X-Admin-Key</c> must equal
/// configuration <c>Admin:ApiKey</c> (compared in constant time). Without a configured key the endpoints are disabled
/// (404), so a deployment that forgot the secret does not expose training to anyone.
/// </summary>
public sealed class AdminKeyFilter : IEndpointFilter
{
    /// <summary>Header carrying the key.</summary>
    public const string HeaderName = AdminKey.HeaderName;

    /// <summary>Configuration key of the expected value.</summary>
    public const string ConfigurationKey = AdminKey.ConfigurationKey;

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var configured = AdminKey.Configured(context.HttpContext.RequestServices.GetRequiredService<IConfiguration>());
        if (configured is null)
        {
            return TypedResults.Problem(
                title: "Admin endpoints are disabled",
                detail: $"Set {ConfigurationKey} (environment Admin__ApiKey) to enable them.",
                statusCode: StatusCodes.Status404NotFound);
        }

        if (!AdminKey.IsPresented(context.HttpContext.Request, configured, allowBasic: false))
        {
            return TypedResults.Problem(
                title: "Unauthorized",
                detail: $"A valid {HeaderName} header is required.",
                statusCode: StatusCodes.Status401Unauthorized);
        }

        return await next(context);
    }
}
