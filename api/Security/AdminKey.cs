using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace TrafficOrleans.Api.Security;

/// <summary>
/// The shared admin key (<c>Admin:ApiKey</c>) that guards <c>/admin</c> and the Orleans Dashboard. A request carries
/// it in header <c>X-Admin-Key</c> or, from a browser, as the password of HTTP Basic authentication (any user name).
/// </summary>
public static class AdminKey
{
    /// <summary>Header carrying the key.</summary>
    public const string HeaderName = "X-Admin-Key";

    /// <summary>Configuration key of the expected value.</summary>
    public const string ConfigurationKey = "Admin:ApiKey";

    /// <summary>The configured key, or null when none is set (the guarded endpoints are then disabled).</summary>
    public static string? Configured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var key = configuration[ConfigurationKey];
        return string.IsNullOrEmpty(key) ? null : key;
    }

    /// <summary>True when the request presents <paramref name="configured"/> (header or, when allowed, Basic password).</summary>
    public static bool IsPresented(HttpRequest request, string configured, bool allowBasic)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[HeaderName].ToString();
        if (header.Length > 0) return EqualsConstantTime(header, configured);
        return allowBasic && BasicPassword(request) is { } password && EqualsConstantTime(password, configured);
    }

    private static string? BasicPassword(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var authorization)
            || !string.Equals(authorization.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || authorization.Parameter is null)
        {
            return null;
        }

        var decoded = new byte[authorization.Parameter.Length];
        if (!Convert.TryFromBase64String(authorization.Parameter, decoded, out var length)) return null;
        var text = Encoding.UTF8.GetString(decoded, 0, length);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : text[(colon + 1)..];
    }

    private static bool EqualsConstantTime(string given, string configured) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(configured));
}
