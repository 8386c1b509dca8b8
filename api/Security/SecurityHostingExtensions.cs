using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace TrafficOrleans.Api.Security;

/// <summary>
/// The HTTP security defaults of the host: body size limits, the control-character check, 4xx for unreadable
/// requests, the per-IP rate limiter of the public endpoints and the admin key in front of the Orleans Dashboard.
/// </summary>
public static class SecurityHostingExtensions
{
    /// <summary>Adds the options (sections <c>Http</c>, <c>RateLimiting</c>), Kestrel's body limit, the limiter and the 4xx exception handler.</summary>
    public static IHostApplicationBuilder AddTrafficApiSecurity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<HttpLimitsOptions>().BindConfiguration(HttpLimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<ProxyOptions>>((forwarded, proxies) => TrustedProxies.Configure(forwarded, proxies.Value));
        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<HttpLimitsOptions>>((kestrel, limits) => kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBodyBytes);
        builder.Services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<RateLimitOptions>>((limiter, options) => PublicRateLimiting.Configure(limiter, options.Value));
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        return builder;
    }

    /// <summary>
    /// Adds the middleware: the client address and scheme from a trusted proxy's forwarded headers, the
    /// control-character check (nothing downstream sees such input), the admin key in front of the dashboard under
    /// <paramref name="dashboardPrefix"/>, then the rate limiter (per client address). Call after
    /// <c>UseExceptionHandler</c>.
    /// </summary>
    public static WebApplication UseTrafficApiSecurity(this WebApplication app, string dashboardPrefix)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.Enabled) app.UseForwardedHeaders();
        app.UseMiddleware<ControlCharacterGuard>();
        app.UseWhen(context => context.Request.Path.StartsWithSegments(dashboardPrefix, StringComparison.OrdinalIgnoreCase),
            dashboard => dashboard.UseMiddleware<DashboardAccess>());
        app.UseRateLimiter();
        return app;
    }
}
