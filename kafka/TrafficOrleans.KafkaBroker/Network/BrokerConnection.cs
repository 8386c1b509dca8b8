using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using TrafficOrleans.KafkaBroker.Handlers;
using TrafficOrleans.KafkaBroker.Protocol;

namespace TrafficOrleans.KafkaBroker.Network;

/// <summary>
/// One client connection. Requests are handled one at a time, as Kafka does by muting the channel,
/// so responses leave in request order even when a client pipelines.
/// </summary>
internal sealed partial class BrokerConnection(Socket socket, BrokerContext context, ILogger logger)
{
    private const int MaxFrameSize = 100 * 1024 * 1024;
    private readonly string _clientHost = socket.RemoteEndPoint?.ToString() ?? string.Empty;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        socket.NoDelay = true;
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        var input = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 256 * 1024));
        var output = PipeWriter.Create(stream);
        using var response = new ResponseWriter();
        try
        {
            while (await ReadFrameAsync(input, cancellationToken) is { } frame)
            {
                try
                {
                    if (!await HandleAsync(frame.Buffer.AsMemory(0, frame.Length), response, output, cancellationToken))
                    {
                        return;
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(frame.Buffer);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the broker is stopping.
        }
#pragma warning disable CA1031 // Isolation: whatever one client's request breaks closes that connection only, never the broker.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            ConnectionFailed(logger, _clientHost, ex);
        }
        finally
        {
            await input.CompleteAsync();
            await output.CompleteAsync();
        }
    }

    /// <summary>Handles one request; false closes the connection.</summary>
    private async ValueTask<bool> HandleAsync(ReadOnlyMemory<byte> frame, ResponseWriter response, PipeWriter output, CancellationToken cancellationToken)
    {
        var header = RequestDispatcher.ReadHeader(frame.Span, out var bodyStart);
        response.Begin(header.CorrelationId);
        var outcome = await RequestDispatcher.DispatchAsync(header, frame[bodyStart..], response, context, _clientHost, cancellationToken);
        switch (outcome)
        {
            case DispatchOutcome.Close:
                UnsupportedRequest(logger, (short)header.ApiKey, header.ApiVersion, _clientHost);
                return false;
            case DispatchOutcome.Respond:
                response.End();
                await output.WriteAsync(response.Frame, cancellationToken);
                break;
        }

        return true;
    }

    /// <summary>Copies the next size-prefixed frame into a pooled array; null at end of stream.</summary>
    private static async ValueTask<(byte[] Buffer, int Length)?> ReadFrameAsync(PipeReader input, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length >= 4)
            {
                var size = ReadSize(buffer);
                if (size is < 0 or > MaxFrameSize)
                {
                    throw new InvalidDataException($"Request frame of {size} bytes.");
                }

                if (buffer.Length >= 4 + size)
                {
                    var frame = ArrayPool<byte>.Shared.Rent(size);
                    buffer.Slice(4, size).CopyTo(frame);
                    input.AdvanceTo(buffer.GetPosition(4 + size));
                    return (frame, size);
                }
            }

            if (result.IsCompleted)
            {
                return null;
            }

            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static int ReadSize(ReadOnlySequence<byte> buffer)
    {
        Span<byte> sizeBytes = stackalloc byte[4];
        buffer.Slice(0, 4).CopyTo(sizeBytes);
        return BinaryPrimitives.ReadInt32BigEndian(sizeBytes);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing connection from {Client}: unsupported API key {ApiKey} version {ApiVersion}")]
    private static partial void UnsupportedRequest(ILogger logger, short apiKey, short apiVersion, string client);

    [LoggerMessage(Level = LogLevel.Error, Message = "Connection from {Client} failed")]
    private static partial void ConnectionFailed(ILogger logger, string client, Exception exception);
}
