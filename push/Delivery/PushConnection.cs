using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TrafficOrleans.Push.Alerts;
using TrafficOrleans.Push.Subscriptions;

namespace TrafficOrleans.Push.Delivery;

/// <summary>
/// One client's outgoing queue and its writer. The Kafka bridges only enqueue (never await a client), so a slow or
/// stalled client delays nobody but itself. Two buffers: alerts, never dropped (past
/// <see cref="PushOptions.AlertBacklogLimit"/> the client is disconnected instead, and recovers with
/// <c>GetAlertsSince</c>), and updates, bounded with drop-oldest (a newer tick supersedes an older one). The writer
/// always sends waiting alerts before updates.
/// </summary>
/// <remarks>
/// The writer is not a loop parked on a semaphore per connection: it runs when something is queued and none is pending
/// (on the <see cref="WriterPump"/>), writes everything waiting back to back and then ends. At 1,000 clients the
/// parked loops cost a cancellable semaphore wait, a wake-up and a transport flush per alert and client — over 100,000
/// per product-load tick — and their continuations queued in front of the pipeline's own work on the 2 cores. Now a
/// bridge batch queues all its alerts first and schedules each connection once (<see cref="Schedule"/>), so the writes
/// of one batch reach the transport together and leave in one WebSocket send.
/// </remarks>
public sealed partial class PushConnection : IAsyncDisposable
{
    private readonly IPushSink _sink;
    private readonly PushOptions _options;
    private readonly PushMetrics _metrics;
    private readonly ILogger _logger;
    private readonly WriterPump _pump;
    private readonly ConcurrentQueue<QueuedAlert> _alerts = new();
    private readonly Queue<PushMessage> _updates;
    private readonly CancellationTokenSource _closing = new();
    private int _alertBacklog;
    // 1 while a writer is queued or running: at most one at a time, so writes keep their order.
    private int _writerScheduled;
    private Task _writer = Task.CompletedTask;
    private int _abandoned;

    /// <summary>Creates the connection's queues; nothing runs until something is queued.</summary>
    public PushConnection(string id, IPushSink sink, WriterPump pump, PushOptions options, PushMetrics metrics, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Id = id;
        _sink = sink;
        _options = options;
        _metrics = metrics;
        _logger = logger;
        _pump = pump;
        _updates = new Queue<PushMessage>(options.UpdateBufferPerConnection);
    }

    /// <summary>The SignalR connection id, or a generated id for a raw WebSocket.</summary>
    public string Id { get; }

    /// <summary>What the client subscribed to; swapped whole (see <see cref="PushSubscription"/>).</summary>
    public PushSubscription Subscription { get; set; } = PushSubscription.Everything;

    /// <summary>Whether this connection takes trafficUpdated/graphUpdated.</summary>
    public bool WantsUpdates => _sink.WantsUpdates;

    /// <summary>Alerts queued and not yet written.</summary>
    public int AlertBacklog => Volatile.Read(ref _alertBacklog);

    /// <summary>
    /// Queues an alert; a client whose backlog is full is disconnected rather than losing alerts silently.
    /// <paramref name="schedule"/> false leaves the writer to a later <see cref="Schedule"/> (a batch queues all first).
    /// </summary>
    public void EnqueueAlert(PushAlert alert, bool schedule = true)
    {
        if (Volatile.Read(ref _abandoned) == 1) return;
        if (Volatile.Read(ref _alertBacklog) >= _options.AlertBacklogLimit)
        {
            Abandon();
            return;
        }

        _alerts.Enqueue(new QueuedAlert(alert, Stopwatch.GetTimestamp()));
        Interlocked.Increment(ref _alertBacklog);
        if (schedule) Schedule();
    }

    /// <summary>Queues an update, dropping the oldest queued one when the buffer is full.</summary>
    public void EnqueueUpdate(PushMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Volatile.Read(ref _abandoned) == 1) return;
        PushMessage? dropped = null;
        lock (_updates)
        {
            if (_updates.Count >= _options.UpdateBufferPerConnection) dropped = _updates.Dequeue();
            _updates.Enqueue(message);
        }

        if (dropped is not null) _metrics.Dropped(dropped.Method);
        Schedule();
    }

    /// <summary>Starts the writer unless one is already queued or running (it then picks up what was just queued).</summary>
    public void Schedule()
    {
        if (Volatile.Read(ref _abandoned) == 1 || Interlocked.CompareExchange(ref _writerScheduled, 1, 0) != 0) return;
        _pump.Add(this);
    }

    /// <summary>Writes what is waiting (called by the <see cref="WriterPump"/> once per <see cref="Schedule"/>).</summary>
    internal void RunWriter() => _writer = WriteWaitingAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Volatile.Write(ref _abandoned, 1);
        await _closing.CancelAsync();
        await Volatile.Read(ref _writer);
        _closing.Dispose();
    }

    private void Abandon()
    {
        if (Interlocked.Exchange(ref _abandoned, 1) == 1) return;
        _metrics.SlowDisconnect();
        LogTooSlow(_logger, Id, _options.AlertBacklogLimit);
        _sink.Abort();
    }

    // Writes until both queues are empty; completes synchronously while the transport takes the writes at once.
    private async Task WriteWaitingAsync()
    {
        try
        {
            while (true)
            {
                var alertsWritten = 0;
                while (Volatile.Read(ref _abandoned) == 0 && TryTakeNext(out var queued, out var update))
                {
                    if (update is null)
                    {
                        await _sink.SendAlertAsync(queued.Alert, _closing.Token);
                        _metrics.AlertWritten(Stopwatch.GetElapsedTime(queued.QueuedAt));
                        alertsWritten++;
                    }
                    else
                    {
                        await _sink.SendAsync(update, _closing.Token);
                        _metrics.Sent(update.Method);
                    }
                }

                if (alertsWritten > 0) _metrics.AlertsSent(alertsWritten);
                Volatile.Write(ref _writerScheduled, 0);
                // Something queued after the last look found the writer still scheduled and did not start one: go on.
                if (Volatile.Read(ref _abandoned) == 1 || !HasWaiting || Interlocked.CompareExchange(ref _writerScheduled, 1, 0) != 0) return;
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            // Closed.
        }
#pragma warning disable CA1031 // A write to a vanished client fails in transport-specific ways; the connection is closing either way.
        catch (Exception ex)
        {
            // Nothing more is written; the hub's disconnect closes the connection and drops what is queued.
            Volatile.Write(ref _abandoned, 1);
            LogWriteFailed(_logger, Id, ex.Message);
        }
#pragma warning restore CA1031
    }

    private bool HasWaiting
    {
        get
        {
            if (!_alerts.IsEmpty) return true;
            lock (_updates) return _updates.Count > 0;
        }
    }

    private bool TryTakeNext(out QueuedAlert alert, out PushMessage? update)
    {
        update = null;
        if (_alerts.TryDequeue(out alert))
        {
            Interlocked.Decrement(ref _alertBacklog);
            return true;
        }

        lock (_updates) return _updates.TryDequeue(out update);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push client {Connection} disconnected: {Limit} alerts waiting (Push:AlertBacklogLimit)")]
    private static partial void LogTooSlow(ILogger logger, string connection, int limit);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Push client {Connection}: write failed, connection closing: {Reason}")]
    private static partial void LogWriteFailed(ILogger logger, string connection, string reason);
}
