using TrafficOrleans.KafkaBroker.Handlers;
using TrafficOrleans.KafkaBroker.Protocol;

namespace TrafficOrleans.KafkaBroker.Network;

/// <summary>Parses the request header and routes the body to its handler.</summary>
internal static class RequestDispatcher
{
    private const short FirstFlexibleApiVersionsRequest = 3;

    public static RequestHeader ReadHeader(ReadOnlySpan<byte> frame, out int bodyStart)
    {
        var reader = new KafkaReader(frame);
        var header = new RequestHeader((ApiKey)reader.ReadInt16(), reader.ReadInt16(), reader.ReadInt32(), reader.ReadNullableString());
        if (header.ApiKey == ApiKey.ApiVersions && header.ApiVersion >= FirstFlexibleApiVersionsRequest
            && ApiVersionTable.IsSupported(ApiKey.ApiVersions, header.ApiVersion))
        {
            reader.SkipTaggedFields(); // request header v2
        }

        bodyStart = reader.Position;
        return header;
    }

    public static ValueTask<DispatchOutcome> DispatchAsync(
        RequestHeader header, ReadOnlyMemory<byte> body, ResponseWriter writer, BrokerContext context, string clientHost, CancellationToken cancellationToken)
    {
        var version = header.ApiVersion;
        if (header.ApiKey == ApiKey.ApiVersions)
        {
            ApiVersionsHandler.Handle(version, writer);
            return new(DispatchOutcome.Respond);
        }

        if (!ApiVersionTable.IsSupported(header.ApiKey, version))
        {
            return new(DispatchOutcome.Close);
        }

        var reader = new KafkaReader(body.Span);
        switch (header.ApiKey)
        {
            case ApiKey.Produce:
                return new(ProduceHandler.Handle(version, ref reader, writer, context) ? DispatchOutcome.Respond : DispatchOutcome.NoResponse);
            case ApiKey.Fetch:
                return Respond(FetchHandler.Handle(version, FetchRequest.Parse(version, ref reader), writer, context, cancellationToken));
            case ApiKey.JoinGroup:
                return Respond(JoinGroupHandler.Handle(version, JoinGroupHandler.Parse(version, ref reader, header.ClientId, clientHost), writer, context));
            case ApiKey.SyncGroup:
                return Respond(SyncGroupHandler.Handle(version, SyncGroupHandler.Parse(version, ref reader), writer, context));
            case ApiKey.ListOffsets:
                ListOffsetsHandler.Handle(version, ref reader, writer, context);
                break;
            case ApiKey.Metadata:
                MetadataHandler.Handle(version, ref reader, writer, context);
                break;
            case ApiKey.OffsetCommit:
                OffsetCommitHandler.Handle(version, ref reader, writer, context);
                break;
            case ApiKey.OffsetFetch:
                OffsetFetchHandler.Handle(version, ref reader, writer, context);
                break;
            case ApiKey.FindCoordinator:
                FindCoordinatorHandler.Handle(version, ref reader, writer, context);
                break;
            case ApiKey.Heartbeat:
                HeartbeatHandler.Handle(version, ref reader, writer, context);
                break;
            case ApiKey.LeaveGroup:
                LeaveGroupHandler.Handle(version, ref reader, writer, context);
                break;
            case ApiKey.DescribeGroups:
                DescribeGroupsHandler.Handle(version, ref reader, writer, context);
                break;
            case ApiKey.ListGroups:
                ListGroupsHandler.Handle(version, writer, context);
                break;
            case ApiKey.CreateTopics:
                CreateTopicsHandler.Handle(version, ref reader, writer, context);
                break;
            case ApiKey.DeleteTopics:
                DeleteTopicsHandler.Handle(version, ref reader, writer, context);
                break;
            case ApiKey.InitProducerId:
                InitProducerIdHandler.Handle(ref reader, writer, context);
                break;
            default:
                return new(DispatchOutcome.Close);
        }

        return new(DispatchOutcome.Respond);
    }

    private static async ValueTask<DispatchOutcome> Respond(ValueTask handler)
    {
        await handler;
        return DispatchOutcome.Respond;
    }
}
