using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TrafficOrleans.Storage.Redis;

namespace TrafficOrleans.Storage.Tests;

public sealed class RedisCircuitBreakerTests : IDisposable
{
    private static readonly TimeSpan OpenFor = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly RedisCircuitBreaker _breaker;

    public RedisCircuitBreakerTests() =>
        _breaker = new RedisCircuitBreaker(
            Options.Create(new RedisCacheOptions { BreakerOpenFor = OpenFor }), _clock, _services.GetRequiredService<IMeterFactory>(), NullLogger<RedisCircuitBreaker>.Instance);

    public void Dispose() => _services.Dispose();

    [Fact]
    public void Closed_circuit_lets_calls_through()
    {
        Assert.True(_breaker.TryEnter("test"));
        Assert.Equal(RedisBreakerState.Closed, _breaker.State);
    }

    [Fact]
    public void One_failure_opens_the_circuit_and_calls_skip_Redis_for_the_open_period()
    {
        Assert.True(_breaker.TryEnter("test"));
        _breaker.Failed("test", new TimeoutException());

        Assert.Equal(RedisBreakerState.Open, _breaker.State);
        Assert.False(_breaker.TryEnter("test"));
        _clock.Advance(OpenFor - TimeSpan.FromMilliseconds(1));
        Assert.False(_breaker.TryEnter("test"));
    }

    [Fact]
    public void After_the_open_period_exactly_one_probe_goes_through()
    {
        _breaker.Failed("test", new TimeoutException());
        _clock.Advance(OpenFor);

        Assert.Equal(RedisBreakerState.HalfOpen, _breaker.State);
        Assert.True(_breaker.TryEnter("probe"));
        Assert.False(_breaker.TryEnter("other"));
        Assert.Equal(RedisBreakerState.HalfOpen, _breaker.State);
    }

    [Fact]
    public void Successful_probe_closes_the_circuit()
    {
        _breaker.Failed("test", new TimeoutException());
        _clock.Advance(OpenFor);
        Assert.True(_breaker.TryEnter("probe"));

        _breaker.Succeeded();

        Assert.Equal(RedisBreakerState.Closed, _breaker.State);
        Assert.True(_breaker.TryEnter("test"));
    }

    [Fact]
    public void Failed_probe_opens_the_circuit_for_another_period()
    {
        _breaker.Failed("test", new TimeoutException());
        _clock.Advance(OpenFor);
        Assert.True(_breaker.TryEnter("probe"));

        _breaker.Failed("probe", new TimeoutException());

        Assert.Equal(RedisBreakerState.Open, _breaker.State);
        Assert.False(_breaker.TryEnter("test"));
        _clock.Advance(OpenFor);
        Assert.True(_breaker.TryEnter("probe"));
    }

    [Fact]
    public void Skipped_calls_are_counted_by_operation()
    {
        using var skipped = new Microsoft.Extensions.Diagnostics.Metrics.Testing.MetricCollector<long>(
            _services.GetRequiredService<IMeterFactory>(), RedisCircuitBreaker.MeterName, "traffic.redis.calls.skipped");
        _breaker.Failed("test", new TimeoutException());

        Assert.False(_breaker.TryEnter("route-cache-get"));
        Assert.False(_breaker.TryEnter("route-cache-get"));

        Assert.Equal(2, skipped.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.All(skipped.GetMeasurementSnapshot(), m => Assert.Equal("route-cache-get", m.Tags["operation"]));
    }
}
