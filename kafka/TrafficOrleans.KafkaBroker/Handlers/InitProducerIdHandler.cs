using TrafficOrleans.KafkaBroker.Protocol;

namespace TrafficOrleans.KafkaBroker.Handlers;

/// <summary>InitProducerId 0–1 for idempotent producers: a fresh producer id at epoch 0.</summary>
internal static class InitProducerIdHandler
{
    public static void Handle(ref KafkaReader reader, ResponseWriter writer, BrokerContext context)
    {
        var transactionalId = reader.ReadNullableString();
        writer.WriteInt32(0);
        if (transactionalId is not null)
        {
            // Transactions are not implemented; refusing is more honest than pretending.
            writer.WriteInt16(ErrorCode.TransactionalIdAuthorizationFailed);
            writer.WriteInt64(-1);
            writer.WriteInt16(-1);
            return;
        }

        writer.WriteInt16(ErrorCode.None);
        writer.WriteInt64(context.NextProducerId());
        writer.WriteInt16(0);
    }
}
