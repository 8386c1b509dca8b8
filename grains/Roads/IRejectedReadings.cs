using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Grains.Roads;

/// <summary>Where a road sends a reading it cannot process (the dead-letter topic, with the reason).</summary>
public interface IRejectedReadings
{
    /// <summary>Records the reading as rejected; returns once that is durable. <paramref name="sourceOffset"/> is -1 when unknown.</summary>
    Task RejectAsync(TrafficReading reading, long sourceOffset, string category, string reason);
}
