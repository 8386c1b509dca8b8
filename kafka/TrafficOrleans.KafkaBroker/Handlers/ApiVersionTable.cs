using TrafficOrleans.KafkaBroker.Protocol;

namespace TrafficOrleans.KafkaBroker.Handlers;

/// <summary>
/// The advertised version ranges: all non-flexible (except ApiVersions v3) so librdkafka, kcat and
/// KafkaJS settle on encodings this broker implements.
/// </summary>
internal static class ApiVersionTable
{
    public static readonly (ApiKey Key, short Min, short Max)[] Supported =
    [
        (ApiKey.Produce, 3, 7),
        (ApiKey.Fetch, 4, 11),
        (ApiKey.ListOffsets, 1, 3),
        (ApiKey.Metadata, 0, 6),
        (ApiKey.OffsetCommit, 2, 5),
        (ApiKey.OffsetFetch, 1, 4),
        (ApiKey.FindCoordinator, 0, 2),
        (ApiKey.JoinGroup, 0, 5),
        (ApiKey.Heartbeat, 0, 3),
        (ApiKey.LeaveGroup, 0, 3),
        (ApiKey.SyncGroup, 0, 3),
        (ApiKey.DescribeGroups, 0, 4),
        (ApiKey.ListGroups, 0, 2),
        (ApiKey.ApiVersions, 0, 3),
        (ApiKey.CreateTopics, 0, 4),
        (ApiKey.DeleteTopics, 0, 3),
        (ApiKey.InitProducerId, 0, 1),
    ];

    public static bool IsSupported(ApiKey key, short version)
    {
        foreach (var (k, min, max) in Supported)
        {
            if (k == key)
            {
                return version >= min && version <= max;
            }
        }

        return false;
    }
}
