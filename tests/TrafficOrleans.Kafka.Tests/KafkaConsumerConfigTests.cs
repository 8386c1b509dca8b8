using TrafficOrleans.Kafka.Consuming;

namespace TrafficOrleans.Kafka.Tests;

public sealed class KafkaConsumerConfigTests
{
    [Fact]
    public void Bulk_fetch_waits_for_the_batch_window_but_never_longer_than_an_idle_fetch()
    {
        var kafka = new KafkaConnectionOptions();

        var shortWindow = KafkaConsumerConfig.GroupMember(kafka, "short", "short-1").WithBulkFetch(TimeSpan.FromMilliseconds(25));
        var longWindow = KafkaConsumerConfig.GroupMember(kafka, "long", "long-1").WithBulkFetch(TimeSpan.FromSeconds(1));

        Assert.Equal((KafkaConsumerConfig.BulkFetchMinBytes, 25), (shortWindow.FetchMinBytes, shortWindow.FetchWaitMaxMs));
        Assert.Equal((KafkaConsumerConfig.BulkFetchMinBytes, KafkaConsumerConfig.FetchWaitMaxMs), (longWindow.FetchMinBytes, longWindow.FetchWaitMaxMs));
    }

    [Fact]
    public void Consumers_without_bulk_fetch_get_every_message_as_it_comes()
    {
        var alerts = KafkaConsumerConfig.GroupMember(new KafkaConnectionOptions(), "alerts", "alerts-1");

        // librdkafka's default: the broker answers as soon as one byte is waiting.
        Assert.Null(alerts.FetchMinBytes);
        Assert.Equal(KafkaConsumerConfig.FetchWaitMaxMs, alerts.FetchWaitMaxMs);
    }
}
