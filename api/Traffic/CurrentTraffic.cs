using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Api.Traffic;

/// <summary>Current readings and the store that supplied them (a <see cref="CurrentTrafficSource"/> value).</summary>
public sealed record CurrentTraffic(IReadOnlyList<TrafficReading> Readings, string Source);
