using Microsoft.Extensions.Options;
using TrafficOrleans.Kafka.Producing;

namespace TrafficOrleans.Silo.Hosting;

/// <summary>
/// How long a stopping silo may take. Hosted services stop one after another in reverse registration order: ingestion,
/// then the outbox relay (which finishes its in-flight batch: up to <see cref="KafkaProducerOptions.DeliveryTimeout"/>),
/// then the consumers and the Orleans silo, and the embedded broker last.
/// </summary>
public static class ShutdownHostingExtensions
{
    /// <summary>Configuration key of the host's shutdown deadline.</summary>
    public const string ShutdownTimeoutKey = "Host:ShutdownTimeout";

    /// <summary>Default deadline; below Kubernetes' <c>terminationGracePeriodSeconds</c> (60) in deploy/.</summary>
    public static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(45);

    // What the relay's last batch may take beyond its deliveries (marking it sent), plus the silo's own stop.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(10);

    /// <summary>Sets <c>HostOptions.ShutdownTimeout</c> from <c>Host:ShutdownTimeout</c> and checks it leaves the relay time to drain.</summary>
    public static IHostApplicationBuilder AddGracefulShutdown(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var timeout = builder.Configuration.GetValue(ShutdownTimeoutKey, DefaultShutdownTimeout);
        builder.Services.AddOptions<HostOptions>()
            .Configure(o => o.ShutdownTimeout = timeout)
            .Validate<IOptions<KafkaProducerOptions>>(
                (host, producer) => host.ShutdownTimeout >= producer.Value.DeliveryTimeout + Margin,
                $"{ShutdownTimeoutKey} must exceed {KafkaProducerOptions.SectionName}:{nameof(KafkaProducerOptions.DeliveryTimeout)} by at least {Margin.TotalSeconds:0} s, or a stopping silo abandons the relay's last batch and it is published twice.")
            .ValidateOnStart();
        return builder;
    }
}
