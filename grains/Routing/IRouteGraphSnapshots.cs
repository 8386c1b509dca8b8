namespace TrafficOrleans.Grains.Routing;

/// <summary>
/// Where the routing grain keeps its latest weights snapshot (compact bytes) so a restarted silo starts warm. A store
/// that cannot answer reports a miss or a failed save rather than throwing: the weights live in the grain.
/// </summary>
public interface IRouteGraphSnapshots
{
    /// <summary>The city's saved snapshot, or null when there is none or the store cannot answer.</summary>
    Task<byte[]?> LoadAsync(string city);

    /// <summary>Saves the city's snapshot; false when the store did not take it (counted and logged by the store).</summary>
    Task<bool> SaveAsync(string city, string graphVersion, byte[] snapshot);
}
