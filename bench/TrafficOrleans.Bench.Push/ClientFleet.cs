namespace TrafficOrleans.Bench.Push;

/// <summary>
/// The bench's clients. In process: all of them inside the bench. Out of process: <see cref="ProbeClients"/> probe
/// clients in a child process at normal priority, half connected before and half after the load clients (so they are
/// not all first or all last in a fan-out), and the rest in a second child process under <c>nice -n 19</c> — on a 2-core
/// machine the load clients' own parsing (~100,000 messages per tick) costs more CPU than the server's fan-out, which
/// users' devices would pay, not the server. Every client must receive every alert either way.
/// </summary>
public sealed class ClientFleet : IAsyncDisposable
{
    /// <summary>Probe clients out of process.</summary>
    public const int ProbeClients = 10;

    private readonly IAlertClients _load;
    private readonly ClientProcess? _probes;

    /// <summary>Creates the fleet (nothing connected yet).</summary>
    public ClientFleet(ReadingFeed feed, bool inProcess, int loadNiceness)
    {
        _load = inProcess ? new AlertClients(feed) : new ClientProcess(feed, loadNiceness);
        _probes = inProcess ? null : new ClientProcess(feed, 0);
    }

    /// <summary>True when probe clients are measured apart from the load.</summary>
    public bool HasProbes => _probes is not null;

    /// <summary>Connects <paramref name="count"/> clients in all.</summary>
    public async Task ConnectAsync(Uri hub, int count)
    {
        if (_probes is null)
        {
            await _load.ConnectAsync(hub, count);
            return;
        }

        await _probes.ConnectAsync(hub, ProbeClients / 2);
        await _load.ConnectAsync(hub, count - ProbeClients);
        await _probes.ConnectAsync(hub, ProbeClients - (ProbeClients / 2));
    }

    /// <summary>Alerts received by every client since the start.</summary>
    public async Task<long> ReceivedAsync() => await _load.ReceivedAsync() + (_probes is null ? 0 : await _probes.ReceivedAsync());

    /// <summary>The latencies since the last call: of every client, and of the probe clients alone (empty in process).</summary>
    public async Task<(double[] All, double[] Probes)> TakeLatenciesAsync()
    {
        var probes = _probes is null ? [] : await _probes.TakeLatenciesAsync();
        var load = await _load.TakeLatenciesAsync();
        return ([.. load, .. probes], probes);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _load.DisposeAsync();
        if (_probes is not null) await _probes.DisposeAsync();
    }
}
