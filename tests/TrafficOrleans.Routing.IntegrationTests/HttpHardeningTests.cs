using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using TrafficOrleans.Api.Security;

namespace TrafficOrleans.Routing.IntegrationTests;

/// <summary>Each hostile request class against the real host on Kestrel gets a 4xx problem, never a 5xx.</summary>
public sealed class HttpHardeningTests(HardenedHostFixture fixture) : IClassFixture<HardenedHostFixture>
{
    [Theory]
    [InlineData("/analytics/trends?road_id=%00&hours=24")]
    [InlineData("/analytics/trends?road_id=road%1Fx&hours=24")]
    [InlineData("/traffic/current?road_id=a%01b")]
    [InlineData("/traffic/current/a%1Bb")]
    [InlineData("/traffic/current?road%00=x")]
    public async Task Control_characters_in_path_or_query_are_a_400_problem(string url)
    {
        using var client = fixture.NewClient();
        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task NUL_in_the_path_is_refused_with_400_by_Kestrel_itself()
    {
        using var client = fixture.NewClient();
        using var response = await client.GetAsync("/traffic/current/a%00b");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Broken_chunked_body_is_a_400()
    {
        // From an address of its own: on 127.0.0.1 the small rate limit may already be spent by other tests (a 429).
        using var client = new TcpClient(new IPEndPoint(fixture.NextClientAddress(), 0));
        await client.ConnectAsync(IPAddress.Loopback, fixture.Port);
        var stream = client.GetStream();
        // A chunk size that is not hexadecimal: Kestrel fails the body read mid-request.
        var request = "POST /route/recommend HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5\r\n{\"ori\r\nzz\r\ngin\r\n0\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync();

        Assert.StartsWith("HTTP/1.1 400", statusLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ten_megabyte_route_request_is_refused_with_413()
    {
        var body = "{\"origin\":{\"lat\":21.02,\"lng\":105.85},\"padding\":\"" + new string('x', 10 * 1024 * 1024) + "\"}";
        // As curl does for large bodies: the server can refuse before the body is sent.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/route/recommend")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
            Headers = { ExpectContinue = true },
        };

        using var client = fixture.NewClient();
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Too_many_requests_from_one_address_are_a_429_with_Retry_After_and_other_addresses_are_still_served()
    {
        using var greedy = fixture.ClientFrom(IPAddress.Parse("127.0.0.2"));
        for (var i = 0; i < HardenedHostFixture.PermitLimit; i++)
        {
            using var allowed = await greedy.GetAsync("/traffic/current");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await greedy.GetAsync("/traffic/current");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, $"Retry-After: {refused.Headers.RetryAfter}");
        using var other = fixture.ClientFrom(IPAddress.Parse("127.0.0.3"));
        using var served = await other.GetAsync("/traffic/current");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_address_has_a_budget_of_its_own()
    {
        // The front door connects from loopback (trusted) and names the client in X-Forwarded-For.
        using var proxy = fixture.NewClient();
        for (var i = 0; i < HardenedHostFixture.PermitLimit; i++)
        {
            using var allowed = await GetForwardedAsync(proxy, "198.51.100.7");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await GetForwardedAsync(proxy, "198.51.100.7");
        using var otherClient = await GetForwardedAsync(proxy, "198.51.100.8");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);
    }

    [Fact]
    public void Untrusted_proxy_settings_that_are_not_addresses_stop_the_start()
    {
        var options = new ProxyOptions { KnownProxies = ["10.0.0.1", "front-door"], KnownNetworks = ["10.0.0.0/8", "10.0.0.0/99"] };

        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Select(e => e.ErrorMessage).ToList();

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e!.Contains("'front-door'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e!.Contains("'10.0.0.0/99'", StringComparison.Ordinal));
    }

    private static async Task<HttpResponseMessage> GetForwardedAsync(HttpClient proxy, string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/traffic/current");
        request.Headers.Add("X-Forwarded-For", client);
        return await proxy.SendAsync(request);
    }

    [Fact]
    public async Task Dashboard_without_the_admin_key_is_a_401_with_a_Basic_challenge()
    {
        using var anonymous = await fixture.Http.GetAsync("/orleans");
        using var wrongKey = new HttpRequestMessage(HttpMethod.Get, "/orleans/Trace") { Headers = { { "X-Admin-Key", "wrong" } } };
        using var wrong = await fixture.Http.SendAsync(wrongKey);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Basic", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task Dashboard_with_the_admin_key_as_header_or_Basic_password_is_served()
    {
        using var withHeader = new HttpRequestMessage(HttpMethod.Get, "/orleans") { Headers = { { "X-Admin-Key", HardenedHostFixture.AdminKey } } };
        // The trailing slash: a client drops Authorization on the redirect from /orleans (a browser re-sends it).
        using var withBasic = new HttpRequestMessage(HttpMethod.Get, "/orleans/")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"operator:{HardenedHostFixture.AdminKey}"))) },
        };

        using var header = await fixture.Http.SendAsync(withHeader);
        using var basic = await fixture.Http.SendAsync(withBasic);

        Assert.True(header.StatusCode == HttpStatusCode.OK, $"{header.StatusCode} {header.RequestMessage?.RequestUri} {await header.Content.ReadAsStringAsync()}");
        Assert.True(basic.StatusCode == HttpStatusCode.OK, $"{basic.StatusCode} {basic.RequestMessage?.RequestUri} {await basic.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [InlineData("/orleans/SiloProperties/127.0.0.1:11111@0")]
    [InlineData("/orleans/HistoricalStats/..%2f")]
    [InlineData("/orleans/SiloStats/not-a-silo")]
    public async Task Dashboard_urls_naming_no_known_silo_are_a_4xx(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "X-Admin-Key", HardenedHostFixture.AdminKey } } };

        using var response = await fixture.Http.SendAsync(request);

        Assert.True((int)response.StatusCode is >= 200 and < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
