using Orleans.Runtime;
using TrafficOrleans.Kafka.Providers;

namespace TrafficOrleans.Kafka.Tests;

public sealed class KafkaBatchContainerTests
{
    private static readonly StreamId Road = StreamId.Create("traffic-raw", "hanoi_rd_1");

    [Fact]
    public void Events_keep_their_order_and_own_offsets_as_sequence_numbers()
    {
        var container = new KafkaBatchContainer(Road, [new KafkaEvent("a", 7), new KafkaEvent("b", 9), new KafkaEvent("c", 12)], "traffic-raw", 3);

        var events = container.GetEvents<string>().ToList();

        Assert.Equal(["a", "b", "c"], events.Select(e => e.Item1));
        Assert.Equal([7L, 9L, 12L], events.Select(e => e.Item2.SequenceNumber));
        Assert.Equal(7, container.SequenceToken.SequenceNumber);
        Assert.Equal([7L, 9L, 12L], container.Offsets);
    }

    [Fact]
    public void Events_of_another_type_are_not_handed_out()
    {
        var container = new KafkaBatchContainer(Road, [new KafkaEvent("a", 1), new KafkaEvent(42, 2)], "traffic-raw", 0);

        Assert.Equal([42], container.GetEvents<int>().Select(e => e.Item1));
    }

    [Fact]
    public void An_empty_batch_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KafkaBatchContainer(Road, [], "traffic-raw", 0));
    }
}
