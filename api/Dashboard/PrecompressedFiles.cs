using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace TrafficOrleans.Api.Dashboard;

/// <summary>
/// Serves the build's <c>.br</c> / <c>.gz</c> sibling of a static file (made by <c>web/build.mjs</c>) to a client that
/// accepts it, by rewriting the path before the static file middleware: compressed once at build time at the highest
/// level rather than on every request.
/// </summary>
public sealed class PrecompressedFiles(RequestDelegate next, IWebHostEnvironment environment)
{
    private static readonly (string Encoding, string Suffix)[] Encodings = [("br", ".br"), ("gzip", ".gz")];

    /// <summary>Rewrites to a compressed sibling when there is one the client accepts.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var path = request.Path.Value;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && path is not null && IsCompressible(path))
        {
            var accepted = request.Headers.AcceptEncoding;
            foreach (var (encoding, suffix) in Encodings)
            {
                if (!Accepts(accepted, encoding) || !environment.WebRootFileProvider.GetFileInfo(path + suffix).Exists) continue;
                request.Path = path + suffix;
                context.Response.Headers.ContentEncoding = encoding;
                context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
                break;
            }
        }

        return next(context);
    }

    /// <summary>The path of the file a compressed sibling was made from.</summary>
    public static string Uncompressed(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var (_, suffix) in Encodings)
        {
            if (path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return path[..^suffix.Length];
        }

        return path;
    }

    private static bool IsCompressible(string path) =>
        path.EndsWith(".js", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".css", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase);

    private static bool Accepts(StringValues header, string encoding)
    {
        if (!StringWithQualityHeaderValue.TryParseList(header, out var values)) return false;
        return values.Any(value => value.Quality is not 0
            && (StringSegment.Equals(value.Value, encoding, StringComparison.OrdinalIgnoreCase) || value.Value == "*"));
    }
}
