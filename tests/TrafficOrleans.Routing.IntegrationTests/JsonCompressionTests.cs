using System.IO.Compression;
using System.Net;
using System.Text.Json;

namespace TrafficOrleans.Routing.IntegrationTests;

/// <summary>The API's JSON answers compressed as the client asks, on the real host; push connections left as they are.</summary>
[Collection(RoutingApiCollection.Name)]
public sealed class JsonCompressionTests(RoutingApiFixture fixture)
{
    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Roads_come_compressed_and_decode_to_the_same_json(string encoding)
    {
        var (plainEncodings, plain) = await GetAsync("/roads", acceptEncoding: null);
        Assert.Empty(plainEncodings);

        var (encodings, compressed) = await GetAsync("/roads", encoding);

        Assert.Equal([encoding], encodings);
        Assert.True(compressed.Length * 4 < plain.Length, $"{encoding}: {compressed.Length} bytes for {plain.Length} bytes of JSON");
        Assert.Equal(plain, Decode(encoding, compressed));
    }

    [Fact]
    public async Task Problem_details_are_compressed_too()
    {
        using var response = await SendAsync(HttpMethod.Get, "/roads?bbox=not-a-box", "br");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
        using var problem = JsonDocument.Parse(Decode("br", await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_SignalR_hub_is_not_compressed()
    {
        using var response = await SendAsync(HttpMethod.Post, "/hubs/traffic/negotiate?negotiateVersion=1", "br, gzip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        using var negotiation = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(negotiation.RootElement.TryGetProperty("connectionToken", out _));
    }

    private async Task<(IReadOnlyList<string> Encodings, byte[] Body)> GetAsync(string url, string? acceptEncoding)
    {
        using var response = await SendAsync(HttpMethod.Get, url, acceptEncoding);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ([.. response.Content.Headers.ContentEncoding], await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(method, url);
        if (acceptEncoding is not null) request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        return await fixture.Http.SendAsync(request);
    }

    private static byte[] Decode(string encoding, byte[] body)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
