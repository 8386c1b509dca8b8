using TrafficOrleans.KafkaBroker.Protocol;

namespace TrafficOrleans.KafkaBroker.Tests.Infrastructure;

/// <summary>Raw requests and response parsers used by the protocol edge-case tests.</summary>
public static class RawRequests
{
    public static RequestFrame Produce(int correlationId, string topic, byte[] batch, short acks = -1) =>
        new RequestFrame(0, 7, correlationId)
            .Str(null).I16(acks).I32(30_000)
            .I32(1).Str(topic).I32(1).I32(0).Blob(batch);

    public static RequestFrame Fetch(int correlationId, string topic, long offset, int maxWaitMs, int minBytes = 1) =>
        new RequestFrame(1, 11, correlationId)
            .I32(-1).I32(maxWaitMs).I32(minBytes).I32(1_048_576).I8(0).I32(0).I32(-1)
            .I32(1).Str(topic).I32(1).I32(0).I32(-1).I64(offset).I64(-1).I32(1_048_576)
            .I32(0).Str(string.Empty);

    public static RequestFrame Metadata(int correlationId) => new RequestFrame(3, 6, correlationId).I32(0).I8(0);

    public static RequestFrame CreateTopic(int correlationId, string topic) =>
        new RequestFrame(19, 4, correlationId)
            .I32(1).Str(topic).I32(1).I16(1).I32(0).I32(0)
            .I32(10_000).I8(0);

    /// <summary>InitProducerId v1 for an idempotent (non-transactional) producer.</summary>
    public static RequestFrame InitProducerId(int correlationId) =>
        new RequestFrame(22, 1, correlationId).Str(null).I32(60_000);

    /// <summary>(error, producer id, epoch) of an InitProducerId v1 response.</summary>
    public static (short Error, long ProducerId, short Epoch) ParseInitProducerId(byte[] body)
    {
        var reader = new KafkaReader(body);
        reader.ReadInt32(); // throttle
        return (reader.ReadInt16(), reader.ReadInt64(), reader.ReadInt16());
    }

    /// <summary>(error, base offset) of a single-partition Produce v7 response.</summary>
    public static (short Error, long BaseOffset) ParseProduce(byte[] body)
    {
        var reader = new KafkaReader(body);
        reader.ReadInt32();
        reader.ReadString();
        reader.ReadInt32();
        reader.ReadInt32();
        return (reader.ReadInt16(), reader.ReadInt64());
    }

    /// <summary>(error, high watermark, records) of a single-partition Fetch v11 response.</summary>
    public static (short Error, long HighWatermark, byte[] Records) ParseFetch(byte[] body)
    {
        var reader = new KafkaReader(body);
        reader.ReadInt32(); // throttle
        reader.ReadInt16();
        reader.ReadInt32();
        reader.ReadInt32();
        reader.ReadString();
        reader.ReadInt32();
        reader.ReadInt32(); // partition
        var error = reader.ReadInt16();
        var highWatermark = reader.ReadInt64();
        reader.ReadInt64();
        reader.ReadInt64();
        reader.ReadInt32(); // aborted transactions
        reader.ReadInt32(); // preferred read replica
        return (error, highWatermark, reader.ReadBytes());
    }
}
