using TrafficOrleans.Kafka.Topics;
using System.Text;
using Confluent.Kafka;
using Npgsql;

namespace TrafficOrleans.Bench.PoisonFuzz;

/// <summary>What the pipeline did with the fuzz traffic, counted from PostgreSQL and Kafka themselves.</summary>
public sealed record FuzzAudit(
    int GoodIn, int Stored, int Predicted, int Lost, int BadStored, long PredictionMessages, long DuplicatePredictionMessages,
    int BadIn, int DeadLettered, int DeadLetteredTwice, long Lag, IReadOnlyDictionary<string, int> Categories)
{
    /// <summary>Counts everything the run left behind in its own database and broker.</summary>
    public static async Task<FuzzAudit> TakeAsync(NpgsqlDataSource database, string bootstrapServers, IReadOnlySet<Guid> good, int badIn, int partitions)
    {
        var stored = new List<Guid>();
        await using (var command = database.CreateCommand("SELECT event_id FROM traffic_data"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) stored.Add(reader.GetGuid(0));
        }

        var predicted = Convert.ToInt32(await database.CreateCommand(
            "SELECT count(*) FROM traffic_data t JOIN predictions p ON p.road_id = t.road_id AND p.timestamp = t.timestamp").ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var predictions = ReadAll(bootstrapServers, "traffic-predictions");
        var predictionIds = predictions.Select(m => Encoding.UTF8.GetString(m.Message.Value ?? [])).Select(EventIdOf).ToList();
        var dead = ReadAll(bootstrapServers, KafkaTopicsOptions.DefaultDeadLetters).Where(m => Header(m, "dlq-source-topic") == "traffic-raw").ToList();
        var deadKeys = dead.Select(m => $"{Header(m, "dlq-source-partition")}@{Header(m, "dlq-source-offset")}").ToList();
        var goodStored = stored.Count(good.Contains);
        return new FuzzAudit(
            good.Count,
            goodStored,
            predicted,
            good.Count - goodStored,
            stored.Count - goodStored,
            predictions.Count,
            predictionIds.Count - predictionIds.Distinct().Count(),
            badIn,
            deadKeys.Distinct().Count(),
            deadKeys.Count - deadKeys.Distinct().Count(),
            CommitLag(bootstrapServers, partitions),
            dead.GroupBy(m => Header(m, "dlq-category") ?? "?").ToDictionary(g => g.Key, g => g.Count()));
    }

    private static string EventIdOf(string json)
    {
        const string Marker = "\"event_id\":\"";
        var start = json.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length;
        return json.Substring(start, 36);
    }

    private static List<ConsumeResult<byte[]?, byte[]?>> ReadAll(string bootstrapServers, string topic)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers, GroupId = $"fuzz-audit-{Guid.NewGuid():N}", AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false, EnablePartitionEof = true, FetchMaxBytes = 50_000_000, MaxPartitionFetchBytes = 50_000_000,
        }).Build();
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions.Count;
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var read = new List<ConsumeResult<byte[]?, byte[]?>>();
        var ended = new HashSet<int>();
        while (ended.Count < partitions)
        {
            var result = consumer.Consume(TimeSpan.FromSeconds(10)) ?? throw new TimeoutException($"reading {topic} stalled");
            if (result.IsPartitionEOF) ended.Add(result.Partition.Value);
            else read.Add(result);
        }

        return read;
    }

    private static long CommitLag(string bootstrapServers, int partitions)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = "ml-prediction-group" }).Build();
        var raw = Enumerable.Range(0, partitions).Select(p => new TopicPartition("traffic-raw", p)).ToList();
        var committed = consumer.Committed(raw, TimeSpan.FromSeconds(10));
        return raw.Sum(p => consumer.QueryWatermarkOffsets(p, TimeSpan.FromSeconds(10)).High.Value
            - Math.Max(0, committed.Single(c => c.Partition == p.Partition).Offset.Value));
    }

    private static string? Header(ConsumeResult<byte[]?, byte[]?> message, string name) =>
        message.Message.Headers is { } headers && headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>Prints the audit as the README's table.</summary>
    public void Print(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("| good readings in | stored | predicted | lost | bad stored | prediction messages | duplicated | bad messages in | dead-lettered | dead-lettered twice | offset lag at end |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        output.WriteLine($"| {GoodIn} | {Stored} | {Predicted} | {Lost} | {BadStored} | {PredictionMessages} | {DuplicatePredictionMessages} | {BadIn} | {DeadLettered} | {DeadLetteredTwice} | {Lag} |");
        output.WriteLine();
        output.WriteLine("| dead-letter category | messages |");
        output.WriteLine("|---|---|");
        foreach (var (category, count) in Categories.OrderByDescending(c => c.Value)) output.WriteLine($"| {category} | {count} |");
    }
}
