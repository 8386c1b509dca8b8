namespace TrafficOrleans.Forecasting.Features;

/// <summary>One road's readings laid on the dataset's 5-minute grid; NaN marks a step without a reading.</summary>
public sealed class RoadSeries
{
    internal RoadSeries(string roadId, int length)
    {
        RoadId = roadId;
        Speed = Filled(length);
        FreeFlow = Filled(length);
        JamFactor = Filled(length);
        NeighbourRatio = Filled(length);
        RushHour = new bool[length];
    }

    /// <summary>The road's id.</summary>
    public string RoadId { get; }

    /// <summary>Speed (km/h) per step.</summary>
    public float[] Speed { get; }

    /// <summary>Free-flow speed (km/h) per step.</summary>
    public float[] FreeFlow { get; }

    /// <summary>Jam factor per step.</summary>
    public float[] JamFactor { get; }

    /// <summary>Mean speed ratio of the road's neighbours per step (NaN when none reported).</summary>
    public float[] NeighbourRatio { get; }

    /// <summary>Rush-hour flag per step.</summary>
    public bool[] RushHour { get; }

    /// <summary>Number of the road's neighbours on the dataset's graph (0 when it has no adjacency).</summary>
    public int NeighbourCount { get; internal set; }

    /// <summary>Typical free-flow speed of the road, used when a step's own value is missing.</summary>
    public float TypicalFreeFlow { get; internal set; }

    /// <summary>Speed ratio (speed / free-flow) at a step, NaN when missing.</summary>
    public float Ratio(int step) => Speed[step] / FreeFlowAt(step);

    /// <summary>Free-flow speed at a step, falling back to the road's typical value.</summary>
    public float FreeFlowAt(int step) => float.IsNaN(FreeFlow[step]) ? TypicalFreeFlow : FreeFlow[step];

    private static float[] Filled(int length)
    {
        var a = new float[length];
        Array.Fill(a, float.NaN);
        return a;
    }
}
