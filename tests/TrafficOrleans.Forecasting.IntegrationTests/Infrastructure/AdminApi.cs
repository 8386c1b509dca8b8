using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TrafficOrleans.IntegrationTests.Slice;

namespace TrafficOrleans.Forecasting.IntegrationTests.Infrastructure;

/// <summary>Calls to the <c>/admin</c> endpoints of a test silo host, which are only mapped when a key is configured.</summary>
public static class AdminApi
{
    /// <summary>The admin key the tests configure.</summary>
    public const string Key = "test-admin-key-0123456789";

    /// <summary>The host with <c>Admin:ApiKey</c> = <see cref="Key"/>.</summary>
    public static WebApplicationFactory<Program> Keyed(SiloHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.WithWebHostBuilder(b => b.UseSetting("Admin:ApiKey", Key));
    }

    /// <summary>Sends a request with header <c>X-Admin-Key</c> = <paramref name="key"/>.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string key = Key)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Admin-Key", key);
        return await http.SendAsync(request);
    }
}
