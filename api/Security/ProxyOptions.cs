using System.ComponentModel.DataAnnotations;
using System.Net;

namespace TrafficOrleans.Api.Security;

/// <summary>
/// The <c>ForwardedHeaders</c> section: which reverse proxies (the cluster's front door, a Kubernetes ingress) may tell
/// the silo the client's address and scheme in <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c>. Without it every
/// client behind a proxy shares the proxy's address, so the per-address rate limit lumps them all together.
/// Loopback is always trusted (the front door of <c>cluster.sh</c>); a header from any other sender is ignored,
/// so a client cannot claim an address to dodge the limit.
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Whether forwarded headers from trusted proxies are applied at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Addresses of trusted proxies besides loopback (e.g. a load balancer's fixed address).</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, e.g. <c>10.0.0.0/8</c> for a Kubernetes pod network) whose members are trusted proxies.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies deep the silo looks into <c>X-Forwarded-For</c> (one: the front door or the ingress).</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;

    /// <summary>The configured proxies, parsed.</summary>
    public IEnumerable<IPAddress> ParsedProxies() => KnownProxies.Select(IPAddress.Parse);

    /// <summary>The configured networks, parsed.</summary>
    public IEnumerable<IPNetwork> ParsedNetworks() => KnownNetworks.Select(network => IPNetwork.Parse(network));

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownNetworks: '{network}' is not a CIDR network such as 10.0.0.0/8.", [nameof(KnownNetworks)]);
        }
    }
}
