using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Grains.Roads;

/// <summary>A reading as delivered to its road: the reading and its <c>traffic-raw</c> offset (-1 for a direct call).</summary>
public readonly record struct ReadingDelivery(TrafficReading Reading, long Offset);
