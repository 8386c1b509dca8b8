using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrafficOrleans.Ingest.Here;

namespace TrafficOrleans.Ingest.Tests;

public class HereTrafficClientTests
{
    private const string ApiKey = "test-key-9f8e7d6c5b4a";
    private const string SmallResponse = """
        {"sourceUpdated":"2025-10-15T14:09:05Z","results":[
          {"location":{"description":"Pho Hue","length":100.0,"shape":{"links":[{"points":[{"lat":21.01,"lng":105.85},{"lat":21.011,"lng":105.85}],"length":100.0,"functionalClass":2}]}},
           "currentFlow":{"speed":5.0,"speedUncapped":5.0,"freeFlow":10.0,"jamFactor":3.0,"confidence":0.9,"traversability":"open"}}]}
        """;

    private static readonly DateTimeOffset ObservedAt = new(2025, 10, 15, 14, 10, 0, TimeSpan.Zero);

    [Fact]
    public async Task Retries_on_503_and_429_then_succeeds()
    {
        await using var server = await LocalHereServer.StartAsync((503, "busy"), (429, "slow down"), (200, SmallResponse));
        using var services = BuildServices(server.BaseUrl, out _);

        var batch = await services.GetRequiredService<HereTrafficSource>().PollAsync(ObservedAt, CancellationToken.None);

        Assert.Equal(3, server.Queries.Count);
        var reading = Assert.Single(batch.Readings);
        Assert.Equal(18, reading.CurrentSpeed);
        Assert.Equal(36, reading.FreeFlowSpeed);
        Assert.Equal("Pho Hue", reading.RoadName);
        var query = server.Queries.First();
        Assert.Contains("in=bbox:105.78,20.97,105.92,21.08", query, StringComparison.Ordinal);
        Assert.Contains("locationReferencing=shape", query, StringComparison.Ordinal);
        Assert.Contains("apiKey=" + ApiKey, query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unauthorized_fails_at_once_with_a_clear_error_and_no_key_in_logs()
    {
        await using var server = await LocalHereServer.StartAsync((401, """{"error":"Unauthorized","error_description":"apiKey invalid"}"""));
        using var services = BuildServices(server.BaseUrl, out var logs);

        var error = await Assert.ThrowsAsync<HereApiException>(() => services.GetRequiredService<HereTrafficClient>().GetFlowAsync(CancellationToken.None));

        Assert.Equal(HereFailure.Unauthorized, error.Failure);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("Ingest:Here:ApiKey", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Queries);
        Assert.DoesNotContain(ApiKey, error.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, line => line.Contains(ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Forbidden_is_reported_as_an_entitlement_problem()
    {
        await using var server = await LocalHereServer.StartAsync((403, "{}"));
        using var services = BuildServices(server.BaseUrl, out _);

        var error = await Assert.ThrowsAsync<HereApiException>(() => services.GetRequiredService<HereTrafficClient>().GetFlowAsync(CancellationToken.None));

        Assert.Equal(HereFailure.Forbidden, error.Failure);
        Assert.Single(server.Queries);
    }

    [Fact]
    public async Task Persistent_429_gives_up_after_the_configured_retries_with_a_rate_limit_error()
    {
        await using var server = await LocalHereServer.StartAsync((429, "quota"));
        using var services = BuildServices(server.BaseUrl, out var logs);

        var error = await Assert.ThrowsAsync<HereApiException>(() => services.GetRequiredService<HereTrafficClient>().GetFlowAsync(CancellationToken.None));

        Assert.Equal(HereFailure.RateLimited, error.Failure);
        Assert.Equal(1 + 3, server.Queries.Count);
        Assert.DoesNotContain(logs.Lines, line => line.Contains(ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Missing_api_key_is_a_clear_error_without_a_request()
    {
        await using var server = await LocalHereServer.StartAsync((200, SmallResponse));
        using var services = BuildServices(server.BaseUrl, out _, apiKey: "");

        var error = await Assert.ThrowsAsync<HereApiException>(() => services.GetRequiredService<HereTrafficClient>().GetFlowAsync(CancellationToken.None));

        Assert.Equal(HereFailure.MissingApiKey, error.Failure);
        Assert.Empty(server.Queries);
    }

    [SkippableFact]
    public async Task Real_fixture_served_over_http_gives_772_readings()
    {
        var body = await File.ReadAllTextAsync(TestData.RequireHereFixture());
        await using var server = await LocalHereServer.StartAsync((500, "oops"), (200, body));
        using var services = BuildServices(server.BaseUrl, out _);

        var batch = await services.GetRequiredService<HereTrafficSource>().PollAsync(ObservedAt, CancellationToken.None);

        Assert.Equal(772, batch.Readings.Count);
        Assert.Empty(batch.Rejected);
        Assert.Equal(2, server.Queries.Count);
    }

    private static ServiceProvider BuildServices(string baseUrl, out CapturingLoggerProvider logs, string apiKey = ApiKey)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ingest:Here:ApiKey"] = apiKey,
            ["Ingest:Here:BaseUrl"] = baseUrl,
            ["Ingest:Here:MaxRetries"] = "3",
            ["Ingest:Here:RetryBaseDelay"] = "00:00:00.010",
            ["Ingest:Here:AttemptTimeout"] = "00:00:10",
        }).Build();
        var capture = new CapturingLoggerProvider();
        logs = capture;
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.AddProvider(capture).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<IngestOptions>();
        services.AddSingleton<Preprocessing.ReadingPreprocessor>();
        services.AddSingleton<HereTrafficSource>();
        services.AddHereTrafficClient();
        return services.BuildServiceProvider();
    }
}
