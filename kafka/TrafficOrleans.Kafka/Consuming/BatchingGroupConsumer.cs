using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrafficOrleans.Kafka.Health;
using TrafficOrleans.Kafka.Providers;
using ErrorCode = Confluent.Kafka.ErrorCode;

namespace TrafficOrleans.Kafka.Consuming;

/// <summary>
/// The product's batching consumer-group reader; a concrete consumer is a decode hook and a flush hook. Messages are
/// taken in batches of <see cref="GroupConsumerSettings.BatchSize"/> or every <see cref="GroupConsumerSettings.BatchWindow"/>,
/// whichever comes first; the flush hook is retried (with backoff) until it succeeds, and only then are the batch's
/// offsets committed, so a crash redelivers rather than loses. Rejected messages reach the flush as dead letters, to be
/// written before that commit. Uncommitted work of revoked or lost partitions is dropped (their new owner re-reads
/// it); a fatal Kafka error ends the loop, as in confluent-kafka-dotnet's examples; the consumer is closed on the
/// way out (leaving the group at once). A flush unfinished after <see cref="StuckAfter"/>, or a loop ended by an
/// error, is reported to <see cref="PipelineHealth"/> (readiness turns degraded) until a flush completes again.
/// </summary>
/// <remarks>
/// Threading: <c>Consume()</c> blocks, so the loop runs on a dedicated thread (not a pool thread, as confluent-kafka-dotnet's
/// examples do). A due batch's flush is started and the thread goes on reading and decoding the next batch meanwhile:
/// one flush at a time, one batch read ahead at most. That next batch, once due, goes on taking messages until the
/// flush before it completes (up to <see cref="GroupConsumerSettings.MaxBatchSize"/>); then that flush's offsets are
/// committed and the next flush starts, so batches are flushed and committed in the order they were read (a flush may
/// rely on its predecessors' effects, e.g. the rules' cooldown). Waiting for the store before reading further made the
/// consumer idle while PostgreSQL worked: at 10,000 predictions/s the rules consumer spent half its time waiting for
/// its stores and fell seconds behind. Stopping the next batch at <see cref="GroupConsumerSettings.BatchSize"/> kept it
/// behind on a busy machine: each store has fixed costs (round trips whose continuations queue behind the silo's other
/// work, a commit), and with 1,000 clients on the 2 cores the rules consumer's batches of 500 fell 4–8 s behind at
/// 5,000–10,000 predictions/s while its own thread was nearly idle. A batch that grows to what arrived during one store
/// shares those costs; an idle consumer sees no difference (no flush in flight: a due batch starts at once).
/// Every consumer call — <c>Consume</c>, the rebalance callbacks and <c>Commit</c> — stays on this one thread; a
/// revocation waits for the flush in flight and commits it before the partitions go (a lost partition's flush is not
/// committed), so it never races a flush.
/// The flush's awaits (grain calls, PostgreSQL, broker acks) hold no thread.
/// </remarks>
public abstract partial class BatchingGroupConsumer<TItem> : BackgroundService
{
    /// <summary>How long a flush may take before its consumer counts as stuck.</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(250);

    // While a flush is in flight the loop looks at it this often, so its offsets are committed soon after it completes.
    private static readonly TimeSpan InFlightPoll = TimeSpan.FromMilliseconds(10);

    private readonly GroupConsumerSettings _settings;
    private readonly KafkaConnectionOptions _kafka;
    private readonly ComponentHealth _health;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly OffsetBatch _offsets;
    private List<TItem> _items = [];
    private List<DeadLetter> _deadLetters = [];
    private DateTime? _oldestProducedAt;
    private InFlightFlush? _inFlight;

    // A broadcast reader's own position (it commits nothing): where each partition it has read resumes when the group
    // hands it out again — after a broker restart the coordinator no longer knows the member, the consumer rejoins, and
    // "latest" would skip what was published in between.
    private readonly Dictionary<TopicPartition, Offset> _broadcastPositions = [];
    private readonly TaskCompletionSource _positioned = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates the consumer.</summary>
    protected BatchingGroupConsumer(GroupConsumerSettings settings, KafkaConnectionOptions kafka, PipelineHealth health, TimeProvider clock, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(kafka);
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        _settings = settings;
        _kafka = kafka;
        _health = health.For(settings.HealthComponent);
        _clock = clock;
        _logger = logger;
        _offsets = new OffsetBatch(clock, settings.BatchWindow, settings.BatchSize, settings.MaxBatchSize);
    }

    /// <summary>
    /// Completes once the consumer first holds its partitions: a broadcast reader at the end of each partition as the broker
    /// reported it at assignment, so every message published after this completed is read (unless that lookup failed,
    /// which is logged).
    /// A host that must not accept clients before then (the push channels' alerts) waits for it in its readiness.
    /// </summary>
    public Task Positioned => _positioned.Task;

    /// <summary>The clock the batch windows and rejection times are read from.</summary>
    protected TimeProvider Clock => _clock;

    /// <summary>False when this host must not run the consumer (checked once at start).</summary>
    protected virtual bool Enabled => true;

    /// <summary>
    /// Decodes one message into <paramref name="item"/>, or returns false with a <paramref name="category"/> (for metrics)
    /// and a <paramref name="reason"/> (for people); the message is then dead-lettered.
    /// </summary>
    protected abstract bool TryDecode(ConsumeResult<byte[]?, byte[]?> message, out TItem? item, out string category, out string reason);

    /// <summary>Called for each rejected message (count it in the consumer's metrics).</summary>
    protected virtual void OnDeadLettered(string category)
    {
    }

    /// <summary>
    /// Durably handles a batch: its items, and its dead letters. Throwing retries the whole batch after a backoff, so it
    /// must be safe to repeat; the offsets are committed only after it returned.
    /// </summary>
    protected abstract Task FlushAsync(ConsumedBatch<TItem> batch, CancellationToken cancellationToken);

    /// <summary>Called after a flush succeeded and before its offsets are committed (crash tests stop here).</summary>
    protected virtual void BeforeCommit()
    {
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) return Task.CompletedTask;
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(stoppingToken);
                stopped.SetResult();
            }
#pragma warning disable CA1031 // Not swallowed: an exception escaping a thread kills the process, so it is handed to the host's task.
            catch (Exception ex)
            {
                stopped.SetException(ex);
            }
#pragma warning restore CA1031
        })
        {
            IsBackground = true,
            Name = $"{_settings.Name} consumer",
        };
        thread.Start();
        return stopped.Task;
    }

    private void Run(CancellationToken stoppingToken)
    {
        var clientId = $"{_settings.Name}-{Environment.MachineName}";
        var config = _settings.Broadcast
            ? KafkaConsumerConfig.Broadcast(_kafka, _settings.ConsumerGroup, clientId)
            : KafkaConsumerConfig.GroupMember(_kafka, _settings.ConsumerGroup, clientId);
        if (_settings.BulkFetch) config.WithBulkFetch(_settings.BatchWindow);
        LogStarting(_logger, _settings.Name, _settings.Topic, _settings.ConsumerGroup, _kafka.Describe());
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(config)
            .SetErrorHandler((_, error) => LogKafkaError(_logger, _settings.Name, error.Code, error.Reason))
            .SetLogHandler((_, message) => LogKafkaLog(_logger, message.Facility, message.Message))
            // Uncommitted work of revoked partitions is redelivered to their new owner; drop it here. What is being stored
            // is committed first while the partitions are still ours; a lost partition is someone else's already.
            .SetPartitionsRevokedHandler((client, _) =>
            {
                CompleteInFlight(client, commit: true);
                ResetBatch();
            })
            .SetPartitionsLostHandler((client, _) =>
            {
                CompleteInFlight(client, commit: false);
                ResetBatch();
            })
            .SetPartitionsAssignedHandler(StartPositions)
            .Build();
        consumer.Subscribe(_settings.Topic);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var timeout = _offsets.PollTimeout(IdlePoll);
                // A due batch goes on growing while the flush before it runs, so the poll must not stop at its window.
                if (_inFlight is not null && (timeout > InFlightPoll || timeout <= TimeSpan.Zero)) timeout = InFlightPoll;
                if (timeout > TimeSpan.Zero && !_offsets.IsFull && Next(consumer, timeout) is { } result)
                {
                    _offsets.Take(result);
                    Accept(result);
                }

                if (_inFlight is { Flush.IsCompleted: true }) CompleteInFlight(consumer, commit: true);
                if (_offsets.IsDue && (_inFlight is null || _offsets.IsFull))
                {
                    CompleteInFlight(consumer, commit: true);
                    StartFlush(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the uncommitted batch is redelivered after restart.
        }
        catch (Exception ex)
        {
            _health.Degraded($"consumer stopped: {ex.Message}");
            throw;
        }
        finally
        {
            FinishInFlight(consumer);
            consumer.Close();
        }
    }

    // Shutting down: a flush that completes is committed; one cancelled by the stop is redelivered after the restart.
    private void FinishInFlight(IConsumer<byte[]?, byte[]?> consumer)
    {
        try
        {
            CompleteInFlight(consumer, commit: true);
        }
        catch (OperationCanceledException)
        {
            _inFlight = null;
        }
    }

    // Where each assigned partition starts. A group member: its group's committed offset (Unset). A broadcast reader: where
    // it left the partition, else the partition's end looked up now — not "latest" left to librdkafka, which resolves it
    // only when fetching starts, after Positioned told the host it may accept clients.
    private IEnumerable<TopicPartitionOffset> StartPositions(IConsumer<byte[]?, byte[]?> consumer, List<TopicPartition> partitions)
    {
        var positions = new List<TopicPartitionOffset>(partitions.Count);
        foreach (var partition in partitions)
        {
            if (!_settings.Broadcast)
            {
                positions.Add(new TopicPartitionOffset(partition, Offset.Unset));
            }
            else if (_broadcastPositions.TryGetValue(partition, out var resume))
            {
                positions.Add(new TopicPartitionOffset(partition, resume));
            }
            else
            {
                var end = EndOf(consumer, partition);
                if (end != Offset.Unset) _broadcastPositions[partition] = end;
                positions.Add(new TopicPartitionOffset(partition, end));
            }
        }

        // Even when an end could not be looked up: a silo kept unready until some later rebalance would serve nobody.
        _positioned.TrySetResult();
        return positions;
    }

    private Offset EndOf(IConsumer<byte[]?, byte[]?> consumer, TopicPartition partition)
    {
        try
        {
            return consumer.QueryWatermarkOffsets(partition, TimeSpan.FromSeconds(5)).High;
        }
        catch (KafkaException ex)
        {
            // Left to auto.offset.reset (latest), resolved when fetching starts: what is published before then is not read.
            LogEndUnknown(_logger, _settings.Name, partition.ToString(), ex.Error.Reason);
            return Offset.Unset;
        }
    }

    // The next message, or null on timeout, partition end or a non-fatal error; a fatal error throws and ends the loop.
    private ConsumeResult<byte[]?, byte[]?>? Next(IConsumer<byte[]?, byte[]?> consumer, TimeSpan timeout)
    {
        try
        {
            var result = consumer.Consume(timeout);
            return result is null || result.IsPartitionEOF ? null : result;
        }
        catch (ConsumeException ex) when (!ex.Error.IsFatal)
        {
            LogKafkaError(_logger, _settings.Name, ex.Error.Code, ex.Error.Reason);
            return null;
        }
    }

    private void Accept(ConsumeResult<byte[]?, byte[]?> result)
    {
        var timestamp = result.Message.Timestamp;
        if (timestamp.Type != TimestampType.NotAvailable && (_oldestProducedAt is null || timestamp.UtcDateTime < _oldestProducedAt))
        {
            _oldestProducedAt = timestamp.UtcDateTime;
        }

        if (TryDecode(result, out var item, out var category, out var reason))
        {
            _items.Add(item!);
            return;
        }

        OnDeadLettered(category);
        LogDeadLettered(_logger, _settings.Name, result.TopicPartitionOffset.ToString(), category, reason);
        _deadLetters.Add(DeadLetter.Of(result, _settings.ConsumerGroup, new MessageRejection(category, reason)));
    }

    // Hands the batch read so far to a flush of its own and starts a new one; the caller has completed the previous flush.
    private void StartFlush(CancellationToken stoppingToken)
    {
        var batch = new ConsumedBatch<TItem>(_items, _deadLetters, _oldestProducedAt);
        var positions = _offsets.CommitPositions.ToList();
        _items = [];
        _deadLetters = [];
        ResetBatch();
        _inFlight = new InFlightFlush(FlushWatchedAsync(batch, stoppingToken), positions);
    }

    // Waits for the flush in flight (blocking this dedicated thread only, see the class remarks) and commits its offsets.
    private void CompleteInFlight(IConsumer<byte[]?, byte[]?> consumer, bool commit)
    {
        if (_inFlight is not { } inFlight) return;
        inFlight.Flush.GetAwaiter().GetResult();
        _inFlight = null;
        if (!commit) return;
        BeforeCommit();
        try
        {
            // A broadcast reader keeps its position in memory only (see GroupConsumerSettings.Broadcast).
            if (_settings.Broadcast)
            {
                foreach (var position in inFlight.Positions) _broadcastPositions[position.TopicPartition] = position.Offset;
            }
            else
            {
                consumer.Commit(inFlight.Positions);
            }
        }
        catch (KafkaException ex)
        {
            // A rebalance got in between: the partition's new owner re-reads from the last commit and repeats the flush.
            LogCommitFailed(_logger, _settings.Name, ex.Error.Reason);
        }
    }

    private async Task FlushWatchedAsync(ConsumedBatch<TItem> batch, CancellationToken stoppingToken)
    {
        var flush = FlushWithRetryAsync(batch, stoppingToken);
        using var watch = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var overdue = Task.Delay(StuckAfter, _clock, watch.Token);
        if (await Task.WhenAny(flush, overdue) == overdue && !stoppingToken.IsCancellationRequested)
        {
            _health.Degraded($"a batch has not been stored for {StuckAfter.TotalSeconds:0} s; offsets are not advancing");
        }

        await watch.CancelAsync();
        await flush;
        _health.Healthy();
    }

    private async Task FlushWithRetryAsync(ConsumedBatch<TItem> batch, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await FlushAsync(batch, stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The flush target is the record of what was handled: keep the batch and its offsets and try again.
                LogFlushFailed(_logger, _settings.Name, batch.Items.Count, batch.DeadLetters.Count, attempt, ex);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 250 * attempt)), _clock, stoppingToken);
            }
        }
    }

    private void ResetBatch()
    {
        _items.Clear();
        _deadLetters.Clear();
        _oldestProducedAt = null;
        _offsets.Reset();
    }

    private sealed record InFlightFlush(Task Flush, List<TopicPartitionOffset> Positions);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Consumer} consumer reading {Topic} in group {Group} ({Kafka})")]
    private static partial void LogStarting(ILogger logger, string consumer, string topic, string group, string kafka);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Consumer}: batch of {Count} messages and {DeadLetters} dead letters not stored (attempt {Attempt}); retrying")]
    private static partial void LogFlushFailed(ILogger logger, string consumer, int count, int deadLetters, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Consumer}: offsets not committed: {Reason}")]
    private static partial void LogCommitFailed(ILogger logger, string consumer, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Consumer}: message {Position} dead-lettered ({Category}): {Reason}")]
    private static partial void LogDeadLettered(ILogger logger, string consumer, string position, string category, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Consumer} consumer: Kafka error {Code}: {Reason}")]
    private static partial void LogKafkaError(ILogger logger, string consumer, ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Consumer}: end of {Partition} not known ({Reason}); reading from the latest offset once fetching starts")]
    private static partial void LogEndUnknown(ILogger logger, string consumer, string partition, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "librdkafka {Facility}: {Message}")]
    private static partial void LogKafkaLog(ILogger logger, string facility, string message);
}
