using System.Net;

namespace TrafficOrleans.Routing.IntegrationTests;

/// <summary>A host without <c>Admin:ApiKey</c> does not serve the Orleans Dashboard at all.</summary>
[Collection(RoutingApiCollection.Name)]
public sealed class DashboardDisabledTests(RoutingApiFixture fixture)
{
    [Theory]
    [InlineData("/orleans")]
    [InlineData("/orleans/Trace")]
    public async Task Dashboard_is_404_when_no_admin_key_is_configured(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "X-Admin-Key", "anything" } } };

        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
