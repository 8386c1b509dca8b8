using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.IntegrationTests.Infrastructure;

/// <summary>Test readings: <paramref name="perRoad"/> consecutive 5-minute readings for each of <paramref name="roads"/> roads, interleaved.</summary>
public static class Readings
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);

    public static List<string> RoadIds(string prefix, int roads) =>
        Enumerable.Range(0, roads).Select(i => $"{prefix}_{i:D4}").ToList();

    public static TrafficReading For(string roadId, int step) => new(
        Guid.NewGuid(), Start.AddMinutes(5 * step), roadId, $"Road {roadId}", 20 + (step % 7), 50, 3, CongestionLevel.Moderate, 0.5, step % 2 == 0, new Coordinates(21.03, 105.85));

    public static List<TrafficReading> Interleaved(IReadOnlyList<string> roads, int fromStep, int toStep) =>
        Enumerable.Range(fromStep, toStep - fromStep).SelectMany(step => roads.Select(road => For(road, step))).ToList();
}
