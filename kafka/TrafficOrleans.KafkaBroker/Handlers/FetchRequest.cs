namespace TrafficOrleans.KafkaBroker.Handlers;

/// <summary>Parsed Fetch request; kept as an object because the handler awaits (long poll).</summary>
internal sealed class FetchRequest
{
    public int MaxWaitMs { get; private set; }

    public int MinBytes { get; private set; }

    public int MaxBytes { get; private set; }

    public List<(string Topic, List<(int Partition, long Offset, int MaxBytes)> Partitions)> Topics { get; } = [];

    public static FetchRequest Parse(short version, ref Protocol.KafkaReader reader)
    {
        var request = new FetchRequest();
        reader.ReadInt32(); // replica id
        request.MaxWaitMs = reader.ReadInt32();
        request.MinBytes = reader.ReadInt32();
        request.MaxBytes = reader.ReadInt32();
        reader.ReadInt8(); // isolation level: no transactions, so LSO = high watermark either way
        if (version >= 7)
        {
            reader.ReadInt32(); // session id: fetch sessions are not kept
            reader.ReadInt32(); // session epoch
        }

        var topicCount = reader.ReadArrayLength();
        for (var t = 0; t < topicCount; t++)
        {
            var name = reader.ReadString();
            var partitionCount = reader.ReadArrayLength();
            var partitions = new List<(int, long, int)>(partitionCount);
            for (var p = 0; p < partitionCount; p++)
            {
                var partition = reader.ReadInt32();
                if (version >= 9)
                {
                    reader.ReadInt32(); // current leader epoch
                }

                var offset = reader.ReadInt64();
                if (version >= 5)
                {
                    reader.ReadInt64(); // follower log start offset
                }

                partitions.Add((partition, offset, reader.ReadInt32()));
            }

            request.Topics.Add((name, partitions));
        }

        // Forgotten topics (v7+) and rack id (v11) only matter to fetch sessions and replicas.
        return request;
    }
}
