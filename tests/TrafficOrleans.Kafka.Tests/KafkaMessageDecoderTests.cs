using System.Text;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.GrainInterfaces.Messages.Json;
using TrafficOrleans.Kafka;
using TrafficOrleans.Kafka.Providers;

namespace TrafficOrleans.Kafka.Tests;

public sealed class KafkaMessageDecoderTests
{
    private static readonly KafkaTopicOptions Topic = new() { Name = "traffic-raw", ConsumerGroup = "g", EventType = typeof(TrafficReading) };
    private static readonly KafkaStreamOptions Options = new() { JsonSerializerOptions = TrafficJson.Options, MaxMessageBytes = 1000 };
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("hanoi_rd_1");

    private const string Valid = """{"event_id":"7b0c2a34-0f2e-4f7e-9a55-7e3b2b8c9d10","timestamp":"2025-10-20T15:30:00Z","road_id":"hanoi_rd_1","road_name":"Kim Ma","current_speed":18.5,"free_flow_speed":45,"jam_factor":6.2,"congestion_level":"heavy","speed_ratio":0.41,"is_rush_hour":true,"coordinates":null}""";

    [Fact]
    public void Valid_message_decodes_to_the_topic_event_type()
    {
        var (key, decoded, rejection) = KafkaMessageDecoder.Decode(Key, Encoding.UTF8.GetBytes(Valid), Topic, Options);

        Assert.Null(rejection);
        Assert.Equal("hanoi_rd_1", key);
        Assert.Equal(18.5, Assert.IsType<TrafficReading>(decoded).CurrentSpeed);
    }

    [Theory]
    [InlineData(null, "{}", "missing-key")]
    [InlineData("", "{}", "missing-key")]
    [InlineData("k", "", "missing-value")]
    [InlineData("k", "{\"event_id\": nope", "malformed-json")]
    [InlineData("k", "null", "malformed-json")]
    [InlineData("k", "{\"event_id\":\"7b0c2a34-0f2e-4f7e-9a55-7e3b2b8c9d10\",\"current_speed\":\"fast\"}", "malformed-json")]
    public void Bad_messages_are_rejected_with_a_category(string? key, string value, string category)
    {
        var (_, decoded, rejection) = KafkaMessageDecoder.Decode(key is null ? null : Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(value), Topic, Options);

        Assert.Null(decoded);
        Assert.Equal(category, rejection!.Category);
        Assert.False(string.IsNullOrWhiteSpace(rejection.Reason));
    }

    [Fact]
    public void A_value_reader_decodes_what_it_recognises_and_leaves_the_rest_to_the_serializer()
    {
        var calls = 0;
        var withReader = new KafkaStreamOptions
        {
            JsonSerializerOptions = TrafficJson.Options,
            MaxMessageBytes = 1000,
            ValueReaders = { [typeof(TrafficReading)] = value => ++calls == 1 ? TrafficReadingJsonReader.Instance.TryRead(value) : null },
        };

        var (_, read, _) = KafkaMessageDecoder.Decode(Key, Encoding.UTF8.GetBytes(Valid), Topic, withReader);
        var (_, serialized, _) = KafkaMessageDecoder.Decode(Key, Encoding.UTF8.GetBytes(Valid), Topic, withReader);
        var (_, _, rejection) = KafkaMessageDecoder.Decode(Key, Encoding.UTF8.GetBytes("{\"event_id\": nope"), Topic, withReader);

        Assert.Equal(3, calls);
        Assert.Equal(serialized, read);
        Assert.Equal("malformed-json", rejection!.Category);
    }

    [Fact]
    public void Oversized_value_is_rejected_before_parsing()
    {
        var (_, _, rejection) = KafkaMessageDecoder.Decode(Key, new byte[1001], Topic, Options);

        Assert.Equal("too-large", rejection!.Category);
        Assert.Contains("1001 bytes", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_that_is_not_utf8_is_rejected()
    {
        var (_, _, rejection) = KafkaMessageDecoder.Decode([0xff, 0xfe], Encoding.UTF8.GetBytes(Valid), Topic, Options);

        Assert.Equal("invalid-key", rejection!.Category);
    }
}
