namespace TrafficOrleans.Forecasting;

/// <summary>
/// What a model sees for one road at one instant, as spans over the caller's buffers so inference allocates nothing.
/// </summary>
/// <remarks>
/// <see cref="Speeds"/> holds the last <see cref="ForecastHorizons.WindowSteps"/> five-minute speeds in km/h,
/// oldest first; the last element is the step at <see cref="Timestamp"/>. Missing steps are <see cref="float.NaN"/>.
/// <see cref="NeighbourRatios"/> is aligned with <see cref="Speeds"/> and holds, per step, the mean speed ratio
/// (current / free-flow) of the road's neighbours on the road graph, NaN when none reported; it may be empty.
/// </remarks>
public readonly ref struct ForecastInput
{
    /// <summary>Creates an input; spans are borrowed, not copied.</summary>
    public ForecastInput(
        string roadId,
        DateTimeOffset timestamp,
        DateTimeOffset asOf,
        ReadOnlySpan<float> speeds,
        ReadOnlySpan<float> neighbourRatios,
        float freeFlowSpeed,
        float jamFactor,
        bool isRushHour)
    {
        RoadId = roadId;
        Timestamp = timestamp;
        AsOf = asOf;
        Speeds = speeds;
        NeighbourRatios = neighbourRatios;
        FreeFlowSpeed = freeFlowSpeed;
        JamFactor = jamFactor;
        IsRushHour = isRushHour;
    }

    /// <summary>The road the window belongs to.</summary>
    public string RoadId { get; }

    /// <summary>UTC time of the newest step of the window (the instant the forecast is made from).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Wall-clock time the forecast is requested; <c>AsOf − Timestamp</c> is the window's staleness.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>Last 12 speeds (km/h), oldest first, NaN where missing.</summary>
    public ReadOnlySpan<float> Speeds { get; }

    /// <summary>Per-step mean speed ratio of neighbouring roads, aligned with <see cref="Speeds"/>; may be empty.</summary>
    public ReadOnlySpan<float> NeighbourRatios { get; }

    /// <summary>Free-flow speed of the road (km/h).</summary>
    public float FreeFlowSpeed { get; }

    /// <summary>HERE jam factor of the newest reading (0–10).</summary>
    public float JamFactor { get; }

    /// <summary>Whether the newest reading fell in a rush hour.</summary>
    public bool IsRushHour { get; }

    /// <summary>The newest non-missing speed of the window, or NaN if the window is empty.</summary>
    public float LastSpeed
    {
        get
        {
            for (var i = Speeds.Length - 1; i >= 0; i--)
            {
                if (!float.IsNaN(Speeds[i]))
                {
                    return Speeds[i];
                }
            }

            return float.NaN;
        }
    }

    /// <summary>Number of non-missing speeds in the window.</summary>
    public int ValidSteps
    {
        get
        {
            var n = 0;
            foreach (var s in Speeds)
            {
                if (!float.IsNaN(s))
                {
                    n++;
                }
            }

            return n;
        }
    }
}
