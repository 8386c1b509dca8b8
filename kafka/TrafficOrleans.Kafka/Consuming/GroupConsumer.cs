using Confluent.Kafka;
using TrafficOrleans.Kafka.Health;
using TrafficOrleans.Kafka.Producing;

namespace TrafficOrleans.Kafka.Consuming;

/// <summary>
/// Shared pieces of the product's plain consumer-group readers (route graph, notifications): one member per silo,
/// offsets committed by hand only after a batch is durably handled.
/// </summary>
public static class GroupConsumer
{
    /// <summary>A subscribing group member with manual commits (group membership timeouts kept short for fast failover).</summary>
    public static ConsumerConfig Config(KafkaConnectionOptions kafka, string groupId, string clientId)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        var config = KafkaClientConfig.ManualCommitConsumer(kafka.BootstrapServers, kafka.ClientConfig, groupId, clientId);
        config.SessionTimeoutMs = 10_000;
        config.HeartbeatIntervalMs = 1_000;
        return config;
    }

    /// <summary>
    /// The next message within <paramref name="timeout"/>, or null on timeout, partition end or a non-fatal error
    /// (reported to <paramref name="onError"/>); fatal errors throw, ending the loop as confluent-kafka's examples do.
    /// </summary>
    public static ConsumeResult<TKey, TValue>? Next<TKey, TValue>(this IConsumer<TKey, TValue> consumer, TimeSpan timeout, Action<Error> onError)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        ArgumentNullException.ThrowIfNull(onError);
        try
        {
            var result = consumer.Consume(timeout);
            return result is null || result.IsPartitionEOF ? null : result;
        }
        catch (ConsumeException ex) when (!ex.Error.IsFatal)
        {
            onError(ex.Error);
            return null;
        }
    }

    /// <summary>
    /// Polls until <paramref name="stoppingToken"/> fires, giving each message to <paramref name="accept"/> and calling
    /// <paramref name="flushAsync"/> whenever <paramref name="batch"/> is due; closes the consumer at the end. An
    /// uncommitted batch at shutdown is simply redelivered after restart. Flush hooks retry until their store takes
    /// the batch; one still unfinished after <see cref="StuckAfter"/>, or a loop ended by an error, is reported to
    /// <paramref name="health"/> (readiness turns degraded) until a flush completes again.
    /// </summary>
    public static async Task ConsumeInBatchesAsync<TKey, TValue>(
        this IConsumer<TKey, TValue> consumer,
        OffsetBatch batch,
        Action<ConsumeResult<TKey, TValue>> accept,
        Func<Task> flushAsync,
        Action<Error> onError,
        CancellationToken stoppingToken,
        ComponentHealth? health = null)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(accept);
        ArgumentNullException.ThrowIfNull(flushAsync);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var timeout = batch.PollTimeout(IdlePoll);
                if (timeout > TimeSpan.Zero && consumer.Next(timeout, onError) is { } result)
                {
                    batch.Take(result);
                    accept(result);
                }

                if (batch.IsDue) await FlushWatchedAsync(flushAsync, health, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the uncommitted batch is redelivered after restart.
        }
        catch (Exception ex)
        {
            health?.Degraded($"consumer stopped: {ex.Message}");
            throw;
        }
        finally
        {
            consumer.Close();
        }
    }

    /// <summary>
    /// Commits the batch's positions and forgets it. A failed commit (a rebalance got in between) is reported to
    /// <paramref name="onFailed"/>, not thrown: the partition's new owner re-reads from the last commit.
    /// </summary>
    public static void CommitBatch<TKey, TValue>(this IConsumer<TKey, TValue> consumer, OffsetBatch batch, Action<string> onFailed)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(onFailed);
        try
        {
            consumer.Commit(batch.CommitPositions);
        }
        catch (KafkaException ex)
        {
            onFailed(ex.Error.Reason);
        }

        batch.Reset();
    }

    /// <summary>How long a flush may take before its consumer counts as stuck.</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(250);

    private static async Task FlushWatchedAsync(Func<Task> flushAsync, ComponentHealth? health, CancellationToken stoppingToken)
    {
        var flush = flushAsync();
        if (health is null)
        {
            await flush;
            return;
        }

        using var watch = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var overdue = Task.Delay(StuckAfter, watch.Token);
        if (await Task.WhenAny(flush, overdue) == overdue && !stoppingToken.IsCancellationRequested)
        {
            health.Degraded($"a batch has not been stored for {StuckAfter.TotalSeconds:0} s; offsets are not advancing");
        }

        await watch.CancelAsync();
        await flush;
        health.Healthy();
    }
}
