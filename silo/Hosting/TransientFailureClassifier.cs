using System.Data.Common;
using System.Net.Sockets;
using Confluent.Kafka;
using ErrorCode = Confluent.Kafka.ErrorCode;
using StackExchange.Redis;
using TrafficOrleans.Grains.Roads;

namespace TrafficOrleans.Silo.Hosting;

/// <summary>
/// The host's knowledge of which infrastructure failures are outages (retry until over) rather than bad data
/// (isolate and dead-letter): database errors the provider marks transient (connection lost, server shutting
/// down, serialization conflicts — not data errors like 22xxx/23xxx), Kafka errors other than a message the
/// broker refuses for its content, Redis, the cluster, timeouts and I/O.
/// </summary>
public sealed class TransientFailureClassifier : ITransientFailures
{
    /// <inheritdoc />
    public bool IsTransient(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is AggregateException aggregate) return aggregate.InnerExceptions.Any(IsTransient);
            if (IsOutage(current)) return true;
        }

        return false;
    }

    private static bool IsOutage(Exception exception) => exception switch
    {
        DbException db => db.IsTransient,
        KafkaException kafka => !IsRefusedContent(kafka.Error.Code),
        RedisException => true,
        TimeoutException or OperationCanceledException or IOException or SocketException => true,
        Orleans.Runtime.SiloUnavailableException or Orleans.Runtime.OrleansMessageRejectionException => true,
        Orleans.Storage.InconsistentStateException => true,
        _ => false,
    };

    private static bool IsRefusedContent(ErrorCode code) =>
        code is ErrorCode.MsgSizeTooLarge or ErrorCode.InvalidMsg or ErrorCode.Local_KeySerialization
            or ErrorCode.Local_ValueSerialization or ErrorCode.InvalidRecord;
}
