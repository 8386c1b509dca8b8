using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using TrafficOrleans.Push.Alerts;
using TrafficOrleans.Push.Subscriptions;

namespace TrafficOrleans.Push.Delivery;

/// <summary>
/// One client's outgoing queue and its writer loop. The Kafka bridges only enqueue (never await a client), so a slow or
/// stalled client delays nobody but itself. Two buffers: alerts, never dropped (past
/// <see cref="PushOptions.AlertBacklogLimit"/> the client is disconnected instead, and recovers with
/// <c>GetAlertsSince</c>), and updates, bounded with drop-oldest (a newer tick supersedes an older one). The writer
/// always sends waiting alerts before updates.
/// </summary>
public sealed partial class PushConnection : IAsyncDisposable
{
    private readonly IPushSink _sink;
    private readonly PushOptions _options;
    private readonly PushMetrics _metrics;
    private readonly ILogger _logger;
    // Not SingleReader: only the general unbounded channel can count its items (the backlog check needs the count).
    private readonly Channel<QueuedAlert> _alerts = Channel.CreateUnbounded<QueuedAlert>();
    private readonly Channel<PushMessage> _updates;
    // One count per enqueued message, so the writer sleeps only when both buffers are empty.
    private readonly SemaphoreSlim _pending = new(0);
    private readonly CancellationTokenSource _closing = new();
    private readonly Task _writer;
    private int _abandoned;

    /// <summary>Creates the connection's queue and starts its writer.</summary>
    public PushConnection(string id, IPushSink sink, PushOptions options, PushMetrics metrics, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Id = id;
        _sink = sink;
        _options = options;
        _metrics = metrics;
        _logger = logger;
        _updates = Channel.CreateBounded<PushMessage>(
            new BoundedChannelOptions(options.UpdateBufferPerConnection) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            dropped => metrics.Dropped(dropped.Method));
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>The SignalR connection id, or a generated id for a raw WebSocket.</summary>
    public string Id { get; }

    /// <summary>What the client subscribed to; swapped whole (see <see cref="PushSubscription"/>).</summary>
    public PushSubscription Subscription { get; set; } = PushSubscription.Everything;

    /// <summary>Whether this connection takes trafficUpdated/graphUpdated.</summary>
    public bool WantsUpdates => _sink.WantsUpdates;

    /// <summary>Alerts queued and not yet written.</summary>
    public int AlertBacklog => _alerts.Reader.Count;

    /// <summary>Queues an alert; a client whose backlog is full is disconnected rather than losing alerts silently.</summary>
    public void EnqueueAlert(PushAlert alert)
    {
        if (Volatile.Read(ref _abandoned) == 1) return;
        if (_alerts.Reader.Count >= _options.AlertBacklogLimit)
        {
            Abandon();
            return;
        }

        _alerts.Writer.TryWrite(new QueuedAlert(alert, Stopwatch.GetTimestamp()));
        Signal();
    }

    /// <summary>Queues an update, dropping the oldest queued one when the buffer is full.</summary>
    public void EnqueueUpdate(PushMessage message)
    {
        if (Volatile.Read(ref _abandoned) == 1) return;
        _updates.Writer.TryWrite(message);
        Signal();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Volatile.Write(ref _abandoned, 1);
        await _closing.CancelAsync();
        await _writer;
        _closing.Dispose();
        _pending.Dispose();
    }

    private void Signal()
    {
        try
        {
            _pending.Release();
        }
        catch (ObjectDisposedException)
        {
            // The client disconnected while the fan-out was handing it this message: nobody is left to write it to.
        }
    }

    private void Abandon()
    {
        if (Interlocked.Exchange(ref _abandoned, 1) == 1) return;
        _metrics.SlowDisconnect();
        LogTooSlow(_logger, Id, _options.AlertBacklogLimit);
        _sink.Abort();
    }

    private async Task WriteLoopAsync()
    {
        var token = _closing.Token;
        try
        {
            while (true)
            {
                await _pending.WaitAsync(token);
                if (_alerts.Reader.TryRead(out var queued))
                {
                    await _sink.SendAlertAsync(queued.Alert, token);
                    _metrics.AlertWritten(Stopwatch.GetElapsedTime(queued.QueuedAt));
                }
                else if (_updates.Reader.TryRead(out var update))
                {
                    await _sink.SendAsync(update, token);
                    _metrics.Sent(update.Method);
                }

                // Neither: a count left by a dropped update; nothing to do.
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Closed.
        }
#pragma warning disable CA1031 // A write to a vanished client fails in transport-specific ways; the connection is closing either way.
        catch (Exception ex)
        {
            LogWriteFailed(_logger, Id, ex.Message);
        }
#pragma warning restore CA1031
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push client {Connection} disconnected: {Limit} alerts waiting (Push:AlertBacklogLimit)")]
    private static partial void LogTooSlow(ILogger logger, string connection, int limit);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Push client {Connection}: write failed, connection closing: {Reason}")]
    private static partial void LogWriteFailed(ILogger logger, string connection, string reason);
}
