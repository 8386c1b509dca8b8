using Microsoft.Extensions.Options;
using TrafficOrleans.Forecasting;
using TrafficOrleans.Forecasting.Models;
using TrafficOrleans.Forecasting.Registry;
using TrafficOrleans.GrainInterfaces.Grains;

namespace TrafficOrleans.Grains.Forecasting;

/// <summary>
/// Keeps the champion of <c>model_registry</c> in memory for the silos' providers. Reloads on
/// <see cref="NotifyPromotedAsync"/> and on a timer (a CLI run outside the silo promotes in the table only).
/// </summary>
public sealed class ModelRegistryGrain(ModelRegistry registry, IOptions<ForecastingOptions> options) : Grain, IModelRegistryGrain
{
    private ChampionModel? _champion;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        var interval = options.Value.RegistryRefreshInterval;
        this.RegisterGrainTimer(ReloadAsync, interval, interval);
    }

    /// <inheritdoc />
    public Task<ChampionModel?> GetChampionAsync() => Task.FromResult(_champion);

    /// <inheritdoc />
    public async Task<ChampionModel?> NotifyPromotedAsync()
    {
        await ReloadAsync(CancellationToken.None);
        return _champion;
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var entry = await registry.GetChampionAsync(cancellationToken);
        if (entry is null)
        {
            _champion = null;
            return;
        }

        var run = await registry.GetRunAsync(entry.TrainingRun, cancellationToken);
        string? PathOf(string modelType) => run.FirstOrDefault(e => e.ModelType == modelType)?.ArtifactPath;
        _champion = new ChampionModel(
            entry.Version,
            entry.ModelType,
            entry.ArtifactPath,
            PathOf(HistoricalAverageForecaster.ModelName),
            PathOf(PersistenceForecaster.ModelName),
            entry.PromotedAt);
    }
}
