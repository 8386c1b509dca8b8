using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TrafficOrleans.Api.Admin;

/// <summary>
/// Guards the admin endpoints with a shared key: header <c>X-Admin-Key</c> must equal configuration
/// <c>Admin:ApiKey</c> (compared in constant time). Without a configured key the endpoints are disabled (404),
/// so a deployment that forgot the secret does not expose training to anyone.
/// </summary>
public sealed class AdminKeyFilter : IEndpointFilter
{
    /// <summary>Header carrying the key.</summary>
    public const string HeaderName = "X-Admin-Key";

    /// <summary>Configuration key of the expected value.</summary>
    public const string ConfigurationKey = "Admin:ApiKey";

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var configured = context.HttpContext.RequestServices.GetRequiredService<IConfiguration>()[ConfigurationKey];
        if (string.IsNullOrEmpty(configured))
        {
            return TypedResults.Problem(
                title: "Admin endpoints are disabled",
                detail: $"Set {ConfigurationKey} (environment Admin__ApiKey) to enable them.",
                statusCode: StatusCodes.Status404NotFound);
        }

        var given = context.HttpContext.Request.Headers[HeaderName].ToString();
        if (given.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(configured)))
        {
            return TypedResults.Problem(
                title: "Unauthorized",
                detail: $"A valid {HeaderName} header is required.",
                statusCode: StatusCodes.Status401Unauthorized);
        }

        return await next(context);
    }
}
