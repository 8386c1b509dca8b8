using Microsoft.AspNetCore.Http.Metadata;

namespace TrafficOrleans.Api.Security;

/// <summary>Endpoint metadata that lowers the body limit of one endpoint (applied by the routing middleware).</summary>
/// <param name="MaxRequestBodySize">Largest body in bytes.</param>
public sealed record RequestBodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
