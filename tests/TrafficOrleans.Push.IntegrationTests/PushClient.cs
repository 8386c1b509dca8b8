using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.Push.IntegrationTests;

/// <summary>A real SignalR client of <c>/hubs/traffic</c> that records the alerts it receives.</summary>
public sealed class PushClient : IAsyncDisposable
{
    private PushClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<Dictionary<string, object?>>("alert", alert => Alerts.Enqueue(alert));
    }

    public HubConnection Connection { get; }

    public ConcurrentQueue<Dictionary<string, object?>> Alerts { get; } = new();

    /// <summary>Event ids of the alerts received, in order.</summary>
    public List<string> EventIds => [.. Alerts.Select(alert => Text(alert, "event_id"))];

    public static async Task<PushClient> ConnectAsync(PushHost host, bool messagePack = false)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(host.BaseAddress, "/hubs/traffic"));
        if (messagePack) builder.AddMessagePackProtocol();
        var client = new PushClient(builder.Build());
        await client.Connection.StartAsync();
        return client;
    }

    /// <summary>A field of a received alert as text, whichever protocol decoded it (JsonElement or a plain value).</summary>
    public static string Text(Dictionary<string, object?> alert, string field) => alert[field] switch
    {
        JsonElement element => element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText(),
        string text => text,
        null => "",
        // MessagePack gives arrays and maps as object[] / Dictionary<object, object>.
        var value => JsonSerializer.Serialize(value),
    };

    public Task WaitForAsync(Guid eventId, string what) =>
        Eventually.WaitForAsync(() => Task.FromResult(EventIds), ids => ids.Contains(eventId.ToString()), IntegrationTests.Alerts.Deadline, what);

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
