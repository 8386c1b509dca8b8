using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace TrafficOrleans.Api.Dashboard;

/// <summary>
/// The web dashboard (built from <c>web/</c> into the silo's <c>wwwroot</c>) at <c>/</c>: its static files,
/// precompressed, with long cache lifetimes for the content-hashed <c>/assets/</c> and revalidation for
/// <c>index.html</c>, and <c>GET /dashboard/config</c>.
/// </summary>
public static class DashboardHostingExtensions
{
    private const string AssetsPrefix = "/assets";
    private const string SystemStatusRoute = "/system/status";

    /// <summary>Binds and validates <see cref="DashboardOptions"/>.</summary>
    public static IHostApplicationBuilder AddTrafficDashboard(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }

    /// <summary>Serves the dashboard's files; <c>/</c> is its <c>index.html</c>.</summary>
    public static WebApplication UseTrafficDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseDefaultFiles();
        app.UseMiddleware<PrecompressedFiles>();
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = new PrecompressedContentTypes(),
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                // Asset names carry a hash of their content, so a cached copy is never wrong; index.html names them.
                headers.CacheControl = context.Context.Request.Path.StartsWithSegments(AssetsPrefix, StringComparison.Ordinal)
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
            },
        });
        return app;
    }

    /// <summary>Maps <c>GET /dashboard/config</c>.</summary>
    public static IEndpointRouteBuilder MapDashboardConfig(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/dashboard/config", (IOptions<DashboardOptions> options, EndpointDataSource routes) =>
                TypedResults.Ok(new DashboardConfig(options.Value.TileUrl, options.Value.TileAttribution, options.Value.StaleAfterSeconds, Maps(routes, SystemStatusRoute))))
            .WithTags("Dashboard")
            .WithName("DashboardConfig")
            .WithSummary("Tile URL and freshness threshold of the web dashboard.");
        return endpoints;
    }

    // Asked instead of probing from the browser, where a 404 shows up as a console error.
    private static bool Maps(EndpointDataSource routes, string pattern) =>
        routes.Endpoints.OfType<RouteEndpoint>().Any(endpoint => string.Equals(endpoint.RoutePattern.RawText, pattern, StringComparison.OrdinalIgnoreCase));
}
