using Microsoft.Extensions.Options;
using TrafficOrleans.Kafka.Producing;
using TrafficOrleans.Storage.Hosting;

namespace TrafficOrleans.Silo.Hosting;

/// <summary>
/// How a silo stops. First it drains (<see cref="ShutdownDrain"/>: not ready, still serving, for <c>Host:DrainDelay</c>);
/// then hosted services stop one after another in reverse registration order: ingestion, then the outbox relay (which
/// finishes its in-flight batch: up to <see cref="KafkaProducerOptions.DeliveryTimeout"/>), then the consumers and the
/// Orleans silo, and the embedded broker last.
/// </summary>
public static class ShutdownHostingExtensions
{
    /// <summary>Configuration key of the host's shutdown deadline.</summary>
    public const string ShutdownTimeoutKey = "Host:ShutdownTimeout";

    /// <summary>Configuration key of <see cref="ShutdownDrainOptions.Delay"/>.</summary>
    public const string DrainDelayKey = "Host:DrainDelay";

    /// <summary>Default deadline; below Kubernetes' <c>terminationGracePeriodSeconds</c> (60) in deploy/.</summary>
    public static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(45);

    // What the relay's last batch may take beyond its deliveries (marking it sent), plus the silo's own stop.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Sets <c>HostOptions.ShutdownTimeout</c> from <c>Host:ShutdownTimeout</c>, adds the drain and its readiness check,
    /// and checks the deadline leaves the drain and then the relay their time.
    /// </summary>
    public static IHostApplicationBuilder AddGracefulShutdown(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var timeout = builder.Configuration.GetValue(ShutdownTimeoutKey, DefaultShutdownTimeout);
        var drain = builder.Configuration.GetValue(DrainDelayKey, TimeSpan.Zero);
        builder.Services.AddOptions<ShutdownDrainOptions>()
            .Configure(o => o.Delay = drain)
            .Validate(o => o.Delay >= TimeSpan.Zero, $"{DrainDelayKey} must not be negative.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ShutdownDrain>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ShutdownDrain>());
        builder.Services.AddHealthChecks().AddCheck<ShutdownDrain>("shutdown", tags: [StorageHostingExtensions.ReadyTag]);
        builder.Services.AddOptions<HostOptions>()
            .Configure(o => o.ShutdownTimeout = timeout)
            .Validate<IOptions<KafkaProducerOptions>>(
                (host, producer) => host.ShutdownTimeout >= drain + producer.Value.DeliveryTimeout + Margin,
                $"{ShutdownTimeoutKey} must exceed {DrainDelayKey} + {KafkaProducerOptions.SectionName}:{nameof(KafkaProducerOptions.DeliveryTimeout)} by at least {Margin.TotalSeconds:0} s, or a stopping silo abandons the relay's last batch and it is published twice.")
            .ValidateOnStart();
        return builder;
    }
}
