namespace TrafficOrleans.Bench.Push;

/// <summary>The bench's SignalR clients, wherever they run: in the bench's process or in a process of their own.</summary>
public interface IAlertClients : IAsyncDisposable
{
    /// <summary>Connects <paramref name="count"/> clients to the hub.</summary>
    Task ConnectAsync(Uri hub, int count);

    /// <summary>Alerts received by all clients since the start.</summary>
    Task<long> ReceivedAsync();

    /// <summary>The reading→client latencies (ms) recorded since the last call, forgotten once taken.</summary>
    Task<double[]> TakeLatenciesAsync();
}
