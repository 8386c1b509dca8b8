namespace TrafficOrleans.Notifications.Rules;

/// <summary>Names, lengths and free-flow speeds of the city's roads (the map the silo loads).</summary>
public interface IRoadDirectory
{
    /// <summary>The facts of <paramref name="roadId"/>, or null if the map does not know it.</summary>
    RoadFacts? Find(string roadId);
}
