using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace TrafficOrleans.Api.Hosting;

/// <summary>The one shape of "try again later": 503 problem details with a <c>Retry-After</c> header.</summary>
public static class ServiceUnavailable
{
    /// <summary>Sets <c>Retry-After</c> (whole seconds, at least 1) and returns the 503 problem.</summary>
    public static ProblemHttpResult Problem(HttpResponse response, string title, string detail, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers[HeaderNames.RetryAfter] = RetryAfterSeconds(retryAfter);
        return TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>A <c>Retry-After</c> value: whole seconds, rounded up, at least 1.</summary>
    public static string RetryAfterSeconds(TimeSpan retryAfter) =>
        Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
