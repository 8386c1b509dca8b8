using System.Diagnostics;
using Confluent.Kafka;
using TrafficOrleans.KafkaBroker;

// Throughput of the development broker with a real client (Confluent.Kafka / librdkafka).
// Not a test: prints a table, never fails on timing. Usage: dotnet run -c Release --project bench/TrafficOrleans.Bench.KafkaBroker [messages]
const int MessageSize = 200;
var messageCount = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
var dataDirectory = Path.Combine(Path.GetTempPath(), $"kafka-bench-{Guid.NewGuid():N}");
const string Topic = "bench";

await using (var broker = new KafkaBroker(new KafkaBrokerOptions { Port = 0, DataDirectory = dataDirectory, FsyncPolicy = FsyncPolicy.Interval }))
{
    await broker.StartAsync();
    using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = broker.BootstrapServers }).Build())
    {
        await admin.CreateTopicsAsync([new Confluent.Kafka.Admin.TopicSpecification { Name = Topic, NumPartitions = 1, ReplicationFactor = 1 }]);
    }

    var produce = Produce(broker.BootstrapServers, messageCount);
    var consume = Consume(broker.BootstrapServers, messageCount);
    Console.WriteLine($"Kafka-compatible broker, {messageCount:N0} messages x {MessageSize} B, fsync=interval, {Environment.ProcessorCount} cores");
    Console.WriteLine("| direction | seconds | msg/s | MB/s |");
    Console.WriteLine("|---|---:|---:|---:|");
    Print("produce (acks=all, idempotent)", produce);
    Print("consume", consume);
}

Directory.Delete(dataDirectory, recursive: true);

void Print(string direction, TimeSpan elapsed) =>
    Console.WriteLine($"| {direction} | {elapsed.TotalSeconds:F2} | {messageCount / elapsed.TotalSeconds:N0} | {messageCount * (double)MessageSize / elapsed.TotalSeconds / 1_000_000:F1} |");

static TimeSpan Produce(string bootstrapServers, int count)
{
    var config = new ProducerConfig
    {
        BootstrapServers = bootstrapServers,
        EnableIdempotence = true,
        Acks = Acks.All,
        LingerMs = 5,
        BatchSize = 1_000_000,
        QueueBufferingMaxMessages = 1_000_000,
    };
    using var producer = new ProducerBuilder<Null, byte[]>(config).Build();
    var payload = new byte[MessageSize];
    Random.Shared.NextBytes(payload);
    var failed = 0;
    var stopwatch = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        while (true)
        {
            try
            {
                producer.Produce(Topic, new Message<Null, byte[]> { Value = payload }, report =>
                {
                    if (report.Error.IsError)
                    {
                        Interlocked.Increment(ref failed);
                    }
                });
                break;
            }
            catch (ProduceException<Null, byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
            {
                producer.Poll(TimeSpan.FromMilliseconds(10));
            }
        }
    }

    producer.Flush(TimeSpan.FromMinutes(5));
    stopwatch.Stop();
    if (failed > 0)
    {
        throw new InvalidOperationException($"{failed} messages failed to produce.");
    }

    return stopwatch.Elapsed;
}

static TimeSpan Consume(string bootstrapServers, int count)
{
    var config = new ConsumerConfig
    {
        BootstrapServers = bootstrapServers,
        GroupId = "bench",
        EnableAutoCommit = false,
        FetchMaxBytes = 52_428_800,
        MaxPartitionFetchBytes = 10_485_760,
    };
    using var consumer = new ConsumerBuilder<Ignore, byte[]>(config).Build();
    consumer.Assign(new TopicPartitionOffset(Topic, 0, Offset.Beginning));
    var received = 0;
    var stopwatch = Stopwatch.StartNew();
    while (received < count)
    {
        if (consumer.Consume(TimeSpan.FromSeconds(10)) is { } result && !result.IsPartitionEOF)
        {
            received++;
        }
    }

    stopwatch.Stop();
    consumer.Close();
    return stopwatch.Elapsed;
}
