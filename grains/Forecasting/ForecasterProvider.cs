using Microsoft.Extensions.Logging;
using TrafficOrleans.Forecasting.Serving;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.GrainInterfaces.Messages;
using Microsoft.Extensions.DependencyInjection;
using TrafficOrleans.GrainInterfaces.Time;

namespace TrafficOrleans.Grains.Forecasting;

/// <summary>
/// Silo-local holder of the serving <see cref="ForecasterChain"/>. Road grains read <see cref="Current"/> on every
/// reading (a volatile field read, no I/O); when the registry grain reports a new champion the provider loads its
/// artefacts off the hot path and swaps the reference in one write, so a forecast uses either the old chain or the
/// new one, never a mix. Until a champion exists it serves the cold-start chain (last value, then free flow).
/// </summary>
public sealed partial class ForecasterProvider([FromKeyedServices(TrafficClock.Key)] TimeProvider clock, ILogger<ForecasterProvider> logger) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Serving _serving = new(ChampionChainLoader.ColdStart(), null);

    /// <summary>The chain to forecast with; read it once per reading.</summary>
    public ForecasterChain Current => _serving.Chain;

    /// <summary>Version of the champion being served, or null at cold start.</summary>
    public string? ChampionVersion => _serving.Version;

    /// <summary>
    /// The prediction for the newest of a road's recent readings (oldest first, e.g. the grain's last 12), made with
    /// the current chain at the current time.
    /// </summary>
    public RoadPrediction Predict(IReadOnlyList<TrafficReading> recent) =>
        ReadingWindowForecast.Predict(Current, recent, clock.GetUtcNow());

    /// <summary>Asks the registry grain for the champion and swaps to it if it changed; true if it swapped.</summary>
    public async Task<bool> RefreshAsync(IGrainFactory grains, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var champion = await grains.GetGrain<IModelRegistryGrain>(0).GetChampionAsync().WaitAsync(cancellationToken);
        return await ApplyAsync(champion, cancellationToken);
    }

    /// <summary>Swaps to <paramref name="champion"/> unless it is already served (null keeps the current chain).</summary>
    public async Task<bool> ApplyAsync(ChampionModel? champion, CancellationToken cancellationToken = default)
    {
        if (champion is null || champion.Version == _serving.Version)
        {
            return false;
        }

        // One load at a time: concurrent refreshes of the same champion would load the artefact twice.
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (champion.Version == _serving.Version)
            {
                return false;
            }

            var chain = await Task.Run(
                () => ChampionChainLoader.Load(champion.ArtifactPath, champion.ProfileArtifactPath, champion.PersistenceArtifactPath),
                cancellationToken);
            var previous = _serving.Version;
            _serving = new Serving(chain, champion.Version);
            LogSwapped(logger, previous ?? "cold start", champion.Version);
            return true;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _loading.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Forecasting model swapped: {Previous} → {Champion}")]
    private static partial void LogSwapped(ILogger logger, string previous, string champion);

    // Chain and version change together, so they live in one immutable object behind one reference.
    private sealed record Serving(ForecasterChain Chain, string? Version);
}
