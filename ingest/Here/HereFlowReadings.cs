using System.Text.Json;
using TrafficOrleans.Ingest.Preprocessing;
using TrafficOrleans.Roads;
using TrafficOrleans.Roads.Here;

namespace TrafficOrleans.Ingest.Here;

/// <summary>
/// Turns a HERE flow response into a batch: road id from the shape (<see cref="RoadIds"/>), road name from
/// <c>location.description</c>, speeds m/s → km/h, <c>traversability: closed</c> → rejected as road closed.
/// </summary>
public static class HereFlowReadings
{
    /// <summary>Preprocesses every flow item of <paramref name="response"/> as observed at <paramref name="observedAt"/>.</summary>
    public static TrafficBatch ToBatch(HereFlowResponse response, DateTimeOffset observedAt, ReadingPreprocessor preprocessor, string source = "here")
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(preprocessor);
        var results = response.Results ?? [];
        var batch = preprocessor.CreateBatch(source, observedAt, results.Count);
        foreach (var result in results)
        {
            var segment = result is null ? null : HereRoadNetwork.ToSegment(result);
            if (segment is null)
            {
                batch.Reject(RejectionReason.MissingRoadId, "flow item has no shape to derive a road id from", null, Payload(result));
                continue;
            }

            var flow = result!.CurrentFlow;
            var speed = flow?.Speed ?? flow?.SpeedUncapped;
            var raw = new RawReading(
                segment.RoadId,
                segment.RoadName,
                observedAt,
                speed is { } s ? s * HereRoadNetwork.MetersPerSecondToKmh : double.NaN,
                flow?.FreeFlow * HereRoadNetwork.MetersPerSecondToKmh,
                flow?.JamFactor,
                string.Equals(flow?.Traversability, "closed", StringComparison.OrdinalIgnoreCase),
                RoadPoints.Midpoint(segment));
            batch.Add(raw, result, Payload);
        }

        return batch.Build();
    }

    private static string Payload(HereFlowResult? result) => JsonSerializer.Serialize(result);
}
