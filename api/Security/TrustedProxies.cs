using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;

namespace TrafficOrleans.Api.Security;

/// <summary>Turns <see cref="ProxyOptions"/> into ASP.NET Core's forwarded-headers settings.</summary>
public static class TrustedProxies
{
    /// <summary>Trusts loopback plus the configured proxies and networks for <c>X-Forwarded-For</c>, <c>-Proto</c> and <c>-Host</c>.</summary>
    public static void Configure(ForwardedHeadersOptions forwarded, ProxyOptions options)
    {
        ArgumentNullException.ThrowIfNull(forwarded);
        ArgumentNullException.ThrowIfNull(options);
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        forwarded.ForwardLimit = options.ForwardLimit;
        // ASP.NET Core's defaults already trust 127.0.0.0/8 and ::1; the configured ones are added, never replace them.
        foreach (var proxy in options.ParsedProxies()) forwarded.KnownProxies.Add(proxy);
        foreach (var network in options.ParsedNetworks()) forwarded.KnownIPNetworks.Add(network);
    }
}
