using System.Buffers.Binary;

namespace TrafficOrleans.Kafka.Producing;

/// <summary>
/// Kafka's default key partitioner (the Java client's, librdkafka's <c>murmur2</c>): partition =
/// (murmur2(key) &amp; 0x7fffffff) mod partitions. Orleans-produced and externally produced messages
/// with the same key therefore land on the same partition, so one road's events stay in order.
/// </summary>
public static class KafkaPartitioner
{
    private const uint Seed = 0x9747b28c;
    private const uint Multiplier = 0x5bd1e995;
    private const int Shift = 24;

    /// <summary>The partition of a key among <paramref name="partitionCount"/> partitions.</summary>
    public static int PartitionFor(ReadOnlySpan<byte> key, int partitionCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(partitionCount);
        return (Murmur2(key) & 0x7fffffff) % partitionCount;
    }

    /// <summary>32-bit MurmurHash2 with Kafka's seed, as a signed int like Java's <c>Utils.murmur2</c>.</summary>
    public static int Murmur2(ReadOnlySpan<byte> data)
    {
        var length = data.Length;
        var hash = Seed ^ (uint)length;
        var i = 0;
        for (; i + 4 <= length; i += 4)
        {
            var k = BinaryPrimitives.ReadUInt32LittleEndian(data[i..]);
            k *= Multiplier;
            k ^= k >> Shift;
            k *= Multiplier;
            hash *= Multiplier;
            hash ^= k;
        }

        var remaining = length - i;
        if (remaining == 3) hash ^= (uint)data[i + 2] << 16;
        if (remaining >= 2) hash ^= (uint)data[i + 1] << 8;
        if (remaining >= 1)
        {
            hash ^= data[i];
            hash *= Multiplier;
        }

        hash ^= hash >> 13;
        hash *= Multiplier;
        hash ^= hash >> 15;
        return unchecked((int)hash);
    }
}
