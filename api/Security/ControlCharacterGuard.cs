using Microsoft.AspNetCore.Http;

namespace TrafficOrleans.Api.Security;

/// <summary>
/// The one input check every request passes: a path or query string holding NUL or another control character
/// (decoded, so <c>%00</c> counts) is a 400 problem before any endpoint, database or grain sees it — PostgreSQL
/// rejects NUL in text (22021) and no road id, route or parameter of the API contains control characters.
/// </summary>
public sealed class ControlCharacterGuard(RequestDelegate next)
{
    /// <summary>Rejects the request or passes it on.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var where = Offending(context.Request);
        if (where is null) return next(context);

        return TypedResults.Problem(
            title: "Invalid characters in the request",
            detail: $"The {where} contains a control character (such as NUL); remove it.",
            statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
    }

    /// <summary>True when <paramref name="value"/> holds a control character (U+0000–U+001F, U+007F–U+009F).</summary>
    public static bool HasControlCharacter(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c)) return true;
        }

        return false;
    }

    private static string? Offending(HttpRequest request)
    {
        if (HasControlCharacter(request.PathBase.Value) || HasControlCharacter(request.Path.Value)) return "path";
        foreach (var (key, values) in request.Query)
        {
            if (HasControlCharacter(key)) return "query string";
            foreach (var value in values)
            {
                if (HasControlCharacter(value)) return $"query parameter '{key}'";
            }
        }

        return null;
    }
}
