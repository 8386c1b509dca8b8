using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace TrafficOrleans.Ingest.Here;

/// <summary>Registers the HERE client with its resilience pipeline.</summary>
public static class HereServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="HereTrafficClient"/> as a typed HttpClient: a total timeout around retries (exponential
    /// backoff with jitter, honouring Retry-After, on 408/429/5xx/network errors/attempt timeouts) around a
    /// per-attempt timeout. The factory's request logging is removed because it would log the URL, and the
    /// URL carries the API key.
    /// </summary>
    public static IServiceCollection AddHereTrafficClient(this IServiceCollection services)
    {
        services.AddOptions<HereOptions>().BindConfiguration(HereOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton<IngestMetrics>();
        services.AddHttpClient<HereTrafficClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddResilienceHandler("here-flow", static (pipeline, context) =>
            {
                var settings = context.ServiceProvider.GetRequiredService<IOptions<HereOptions>>().Value;
                pipeline
                    .AddTimeout(settings.TotalTimeout)
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = Math.Max(settings.MaxRetries, 0),
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = settings.RetryBaseDelay,
                        MaxDelay = TimeSpan.FromMinutes(1),
                    })
                    .AddTimeout(settings.AttemptTimeout);
            });
        return services;
    }
}
