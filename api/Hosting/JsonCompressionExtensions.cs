using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;

namespace TrafficOrleans.Api.Hosting;

/// <summary>
/// Brotli or gzip, as the client asks, for the API's JSON answers (<c>/roads</c> and <c>/traffic/current</c> are the
/// dashboard's largest downloads). Only JSON and problem details are compressed: the dashboard's static files are
/// precompressed at build time, and push connections (SignalR, WebSocket, server-sent events) are left out whole, since
/// a compressing stream would hold back their frames.
/// </summary>
public static class JsonCompressionExtensions
{
    /// <summary>The media types compressed.</summary>
    public static readonly string[] MediaTypes = ["application/json", "application/problem+json"];

    /// <summary>Registers the brotli and gzip providers for <see cref="MediaTypes"/>.</summary>
    public static IServiceCollection AddJsonCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = MediaTypes;
        });
        // Optimal (brotli quality 4), not Fastest: the serializer flushes every few KB and each flush ends a compressed
        // block, which costs the fastest level most (measured on the 772 HERE roads: /roads 95 KB at Fastest, 64 KB at
        // Optimal, 291 KB raw) for 2–8 ms more per answer on loopback (README, "First load").
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        return services;
    }

    /// <summary>Compresses JSON answers on every path but <paramref name="pushPaths"/> (and what lies below them).</summary>
    public static WebApplication UseJsonCompression(this WebApplication app, params string[] pushPaths)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(pushPaths);
        var excluded = pushPaths.Select(p => new PathString(p)).ToArray();
        app.UseWhen(context => !excluded.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase)), branch => branch.UseResponseCompression());
        return app;
    }
}
