using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TrafficOrleans.KafkaBroker.Groups;
using TrafficOrleans.KafkaBroker.Handlers;
using TrafficOrleans.KafkaBroker.Network;
using TrafficOrleans.KafkaBroker.Storage;

namespace TrafficOrleans.KafkaBroker;

/// <summary>
/// A single-node broker speaking the Kafka wire protocol, for development and tests: embed it
/// (<c>await using var broker = new KafkaBroker(options); await broker.StartAsync();</c>) or run the
/// host project. No replication, transactions, SASL or TLS.
/// </summary>
public sealed partial class KafkaBroker : IAsyncDisposable
{
    private static readonly TimeSpan MaintenancePeriod = TimeSpan.FromMilliseconds(100);
    private readonly KafkaBrokerOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, Socket> _connections = new();
    private readonly TopicStore _topics;
    private readonly GroupCoordinator _groups;
    private readonly BrokerContext _context;
    private Socket? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private Task _maintenanceLoop = Task.CompletedTask;
    private int _disposed;

    /// <summary>Creates the broker and recovers any on-disk state; call <see cref="StartAsync"/> to listen.</summary>
    public KafkaBroker(KafkaBrokerOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<KafkaBroker>();
        _topics = new TopicStore(options, _logger);
        _groups = new GroupCoordinator(options);
        _context = new BrokerContext(options, _topics, _groups, _logger);
    }

    /// <summary>The port listened on (resolved when <see cref="KafkaBrokerOptions.Port"/> is 0).</summary>
    public int Port { get; private set; }

    /// <summary>The <c>bootstrap.servers</c> value for clients.</summary>
    public string BootstrapServers => $"{_context.AdvertisedHost}:{Port}";

    /// <summary>Starts listening and the background maintenance (group timeouts, fsync, retention).</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        var endpoint = new IPEndPoint(IPAddress.Parse(_options.Host), _options.Port);
        _listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(endpoint);
        _listener.Listen(512);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _context.AdvertisedHost = _options.AdvertisedHost ?? _options.Host;
        _context.AdvertisedPort = Port;
        _acceptLoop = AcceptLoopAsync(_stopping.Token);
        _maintenanceLoop = MaintenanceLoopAsync(_stopping.Token);
        BrokerStarted(_logger, BootstrapServers, _options.DataDirectory ?? "(in memory)", _options.FsyncPolicy);
        return Task.CompletedTask;
    }

    /// <summary>Applies retention to every partition now (the background loop does it periodically).</summary>
    internal void EnforceRetention() => _topics.EnforceRetention(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    internal TopicStore Topics => _topics;

    /// <summary>Stops listening, closes connections and flushes every log.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        _listener?.Dispose();
        foreach (var socket in _connections.Values)
        {
            socket.Dispose();
        }

        await Task.WhenAll([_acceptLoop, _maintenanceLoop, .. _connections.Keys]);
        _topics.Dispose();
        _groups.Dispose();
        _stopping.Dispose();
        BrokerStopped(_logger, Port);
    }

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener!.AcceptAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var connection = new BrokerConnection(socket, _context, _logger);
            var task = Task.Run(() => connection.RunAsync(cancellationToken), CancellationToken.None);
            _connections[task] = socket;
            _ = task.ContinueWith(t => _connections.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task MaintenanceLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(MaintenancePeriod);
        var nextFlush = BrokerContext.NowMs;
        var nextRetention = BrokerContext.NowMs;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var now = BrokerContext.NowMs;
                _groups.Tick(now);
                if (now >= nextFlush)
                {
                    _topics.FlushAll();
                    _groups.Offsets.Flush();
                    nextFlush = now + (long)_options.FsyncInterval.TotalMilliseconds;
                }

                if (now >= nextRetention)
                {
                    EnforceRetention();
                    nextRetention = now + (long)_options.RetentionCheckInterval.TotalMilliseconds;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
#pragma warning disable CA1031 // Top of a background loop: a failure must reach the log, not stay unobserved in _maintenanceLoop until stop.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            MaintenanceFailed(_logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Kafka-compatible broker listening on {BootstrapServers}, data {DataDirectory}, fsync {FsyncPolicy}")]
    private static partial void BrokerStarted(ILogger logger, string bootstrapServers, string dataDirectory, FsyncPolicy fsyncPolicy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Kafka-compatible broker on port {Port} stopped")]
    private static partial void BrokerStopped(ILogger logger, int port);

    [LoggerMessage(Level = LogLevel.Error, Message = "Broker maintenance loop failed")]
    private static partial void MaintenanceFailed(ILogger logger, Exception exception);
}
