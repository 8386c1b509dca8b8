using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace TrafficOrleans.Api.Security;

/// <summary>
/// Turns what a client did wrong into a 4xx problem instead of a 500: a request Kestrel could not read (malformed
/// chunked body, body over the limit → its own 400/413) and a body that broke off because the client went away.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var (status, title) = exception switch
        {
            BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge => (bad.StatusCode, "Request body too large"),
            BadHttpRequestException bad => (bad.StatusCode, "Malformed request"),
            IOException when httpContext.RequestAborted.IsCancellationRequested => (StatusCodes.Status400BadRequest, "Request body could not be read"),
            _ => (0, ""),
        };
        if (status == 0 || httpContext.Response.HasStarted) return false;

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = exception.Message },
        });
    }
}
