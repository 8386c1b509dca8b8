namespace TrafficOrleans.GrainInterfaces.Grains;

/// <summary>
/// Singleton (key 0) that knows the champion model. Every silo's forecaster provider polls it, so a promotion
/// reaches all silos without a per-reading database lookup; the grain itself reads <c>model_registry</c>.
/// </summary>
public interface IModelRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>The current champion, or null before the first promotion.</summary>
    Task<ChampionModel?> GetChampionAsync();

    /// <summary>Re-reads the champion from the registry table after a promotion and returns it.</summary>
    Task<ChampionModel?> NotifyPromotedAsync();
}
