using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrafficOrleans.Forecasting.IntegrationTests.Infrastructure;
using TrafficOrleans.IntegrationTests.Infrastructure;
using TrafficOrleans.IntegrationTests.Slice;

namespace TrafficOrleans.Forecasting.IntegrationTests;

/// <summary>The admin endpoints on the real host: key required, training accepted with a job id, registry listed.</summary>
public sealed class AdminEndpointTests(ServersFixture database) : IClassFixture<ServersFixture>
{
    [Fact]
    public async Task Training_needs_the_admin_key_and_is_accepted_with_a_job_id()
    {
        await using var host = new SiloHost(database, $"adm-{Guid.NewGuid():N}"[..16]);
        await using var keyed = AdminApi.Keyed(host);
        using var http = keyed.CreateClient();

        using var missing = await http.PostAsync("/admin/models/train", null);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);

        using var wrong = await AdminApi.SendAsync(http, HttpMethod.Post, "/admin/models/train", AdminApi.Key + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        using var accepted = await AdminApi.SendAsync(http, HttpMethod.Post, "/admin/models/train");
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var job = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        var jobId = job.GetProperty("job_id").GetGuid();
        Assert.Equal($"/admin/models/jobs/{jobId}", accepted.Headers.Location?.OriginalString);

        using var status = await AdminApi.SendAsync(http, HttpMethod.Get, $"/admin/models/jobs/{jobId}");
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal("admin", (await status.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trigger").GetString());

        using var list = await AdminApi.SendAsync(http, HttpMethod.Get, "/admin/models");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await list.Content.ReadFromJsonAsync<JsonElement>()).ValueKind);
    }

    [Fact]
    public async Task Without_a_configured_key_the_admin_endpoints_are_disabled()
    {
        await using var host = new SiloHost(database, $"adm-{Guid.NewGuid():N}"[..16]);
        using var http = host.CreateClient();

        using var response = await AdminApi.SendAsync(http, HttpMethod.Post, "/admin/models/train", "anything");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Admin:ApiKey", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
