using System.Buffers.Binary;
using System.Net.Sockets;

namespace TrafficOrleans.KafkaBroker.Tests.Infrastructure;

/// <summary>A bare TCP Kafka connection: send frames (pipelined if wanted) and read responses in order.</summary>
public sealed class RawKafkaClient : IAsyncDisposable
{
    private readonly TcpClient _client = new();
    private NetworkStream _stream = null!;

    public static async Task<RawKafkaClient> ConnectAsync(KafkaBroker broker)
    {
        var raw = new RawKafkaClient();
        await raw._client.ConnectAsync("127.0.0.1", broker.Port);
        raw._stream = raw._client.GetStream();
        return raw;
    }

    public async Task SendAsync(RequestFrame frame) => await _stream.WriteAsync(frame.ToArray());

    /// <summary>Reads the next response: its correlation id and the body after the v0 header.</summary>
    public async Task<(int CorrelationId, byte[] Body)> ReadAsync()
    {
        using var timeout = new CancellationTokenSource(Eventually.DefaultTimeout);
        var size = new byte[4];
        await _stream.ReadExactlyAsync(size, timeout.Token);
        var frame = new byte[BinaryPrimitives.ReadInt32BigEndian(size)];
        await _stream.ReadExactlyAsync(frame, timeout.Token);
        return (BinaryPrimitives.ReadInt32BigEndian(frame), frame[4..]);
    }

    /// <summary>True when the broker closed the connection.</summary>
    public async Task<bool> IsClosedByBrokerAsync()
    {
        using var timeout = new CancellationTokenSource(Eventually.DefaultTimeout);
        var buffer = new byte[1];
        try
        {
            return await _stream.ReadAsync(buffer, timeout.Token) == 0;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
