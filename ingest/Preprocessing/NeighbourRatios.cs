using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Roads;

namespace TrafficOrleans.Ingest.Preprocessing;

/// <summary>
/// Sets each reading's <c>neighbour_ratio</c>: the mean <c>current / free-flow</c> ratio of its neighbours
/// (<see cref="RoadAdjacency.NeighboursOf"/>) among the readings of the same tick. Only ingestion sees a whole
/// tick at once; a road grain sees one road. The arithmetic is the training set's (<c>TrafficDataset</c>: float
/// ratios summed in neighbour order), so a served model gets bit for bit the value it was trained on.
/// </summary>
public static class NeighbourRatios
{
    /// <summary>The batch with <c>neighbour_ratio</c> set; unchanged when <paramref name="adjacency"/> is null.</summary>
    public static TrafficBatch Annotate(TrafficBatch batch, RoadAdjacency? adjacency)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (adjacency is null || batch.Readings.Count == 0) return batch;

        var ratioOf = new Dictionary<string, float>(batch.Readings.Count, StringComparer.Ordinal);
        foreach (var reading in batch.Readings) ratioOf[reading.RoadId] = (float)reading.CurrentSpeed / (float)reading.FreeFlowSpeed;

        var annotated = new TrafficReading[batch.Readings.Count];
        for (var i = 0; i < annotated.Length; i++)
        {
            var reading = batch.Readings[i];
            annotated[i] = reading with { NeighbourRatio = MeanOf(adjacency.NeighboursOf(reading.RoadId), ratioOf) };
        }

        return batch with { Readings = annotated };
    }

    private static double? MeanOf(IReadOnlyList<string> neighbours, Dictionary<string, float> ratioOf)
    {
        var sum = 0f;
        var n = 0;
        foreach (var id in neighbours)
        {
            if (ratioOf.TryGetValue(id, out var ratio) && !float.IsNaN(ratio))
            {
                sum += ratio;
                n++;
            }
        }

        return n == 0 ? null : sum / n;
    }
}
