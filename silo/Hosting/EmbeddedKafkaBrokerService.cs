using TrafficOrleans.KafkaBroker;
using TrafficOrleans.Storage.Hosting;

namespace TrafficOrleans.Silo.Hosting;

/// <summary>
/// The development broker (<c>Kafka:EmbeddedBroker</c>) as a hosted service. It is registered before every other
/// hosted service, and the host stops hosted services in reverse order: it starts first (Kafka is there when the
/// silo creates its topics) and stops last, after the outbox relay has marked its last batch sent and the consumers
/// and the silo have committed their final offsets.
/// </summary>
public sealed partial class EmbeddedKafkaBrokerService(KafkaSettings settings, ILoggerFactory loggerFactory, ILogger<EmbeddedKafkaBrokerService> logger)
    : IHostedService, IAsyncDisposable
{
    private KafkaBroker.KafkaBroker? _broker;

    /// <summary>Started: by <see cref="StreamingHostingExtensions.StartEmbeddedKafkaAsync"/> before the host, or by the host.</summary>
    public bool IsStarted => _broker is not null;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsStarted) return;
        var embedded = settings.EmbeddedBroker;
        var broker = new KafkaBroker.KafkaBroker(new KafkaBrokerOptions
        {
            Port = embedded.Port,
            DataDirectory = string.IsNullOrWhiteSpace(embedded.DataDirectory) ? null : Path.GetFullPath(embedded.DataDirectory),
            DefaultPartitions = settings.Partitions,
        }, loggerFactory);
        try
        {
            await broker.StartAsync(cancellationToken);
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            await broker.DisposeAsync();
            throw new InfrastructureUnavailableException(
                $"The embedded Kafka broker cannot listen on 127.0.0.1:{embedded.Port} ({ex.Message}) — stop what uses the port or set Kafka:EmbeddedBroker:Port", ex);
        }

        _broker = broker;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        LogStopping(logger);
        await DisposeAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        var broker = Interlocked.Exchange(ref _broker, null);
        if (broker is not null) await broker.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping the embedded Kafka broker (last: everything that produces or commits to it has stopped)")]
    private static partial void LogStopping(ILogger logger);
}
