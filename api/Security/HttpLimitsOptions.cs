using System.ComponentModel.DataAnnotations;

namespace TrafficOrleans.Api.Security;

/// <summary>The <c>Http</c> section: request body limits (larger bodies are refused with 413 before they are read).</summary>
public sealed class HttpLimitsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Http";

    /// <summary>Largest request body of any endpoint (Kestrel's global limit).</summary>
    [Range(1024, 1L << 30)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest body of <c>POST /route/recommend</c>: a request is two points and a time, a few hundred bytes.</summary>
    [Range(256, 1L << 30)]
    public long MaxRouteRequestBytes { get; set; } = 64 * 1024;
}
