using TrafficOrleans.KafkaBroker.Protocol;

namespace TrafficOrleans.KafkaBroker.Handlers;

/// <summary>FindCoordinator 0–2: this broker coordinates every group (transactions are not offered).</summary>
internal static class FindCoordinatorHandler
{
    private const sbyte TransactionKeyType = 1;

    public static void Handle(short version, ref KafkaReader reader, ResponseWriter writer, BrokerContext context)
    {
        reader.ReadString();
        var keyType = version >= 1 ? reader.ReadInt8() : (sbyte)0;
        var error = keyType == TransactionKeyType ? ErrorCode.CoordinatorNotAvailable : ErrorCode.None;
        if (version >= 1)
        {
            writer.WriteInt32(0);
        }

        writer.WriteInt16(error);
        if (version >= 1)
        {
            writer.WriteNullableString(null);
        }

        writer.WriteInt32(error == ErrorCode.None ? context.Options.NodeId : -1);
        writer.WriteString(error == ErrorCode.None ? context.AdvertisedHost : string.Empty);
        writer.WriteInt32(error == ErrorCode.None ? context.AdvertisedPort : -1);
    }
}
