namespace TrafficOrleans.Ingest.Scheduling;

/// <summary>How far a back-fill is.</summary>
/// <param name="TicksDone">Ticks written.</param>
/// <param name="TicksTotal">Ticks in the range.</param>
/// <param name="Readings">Valid readings read from the source so far.</param>
/// <param name="Inserted">Readings newly inserted (the rest were already stored).</param>
/// <param name="Rejected">Rejected readings dead-lettered.</param>
public readonly record struct BackfillProgress(long TicksDone, long TicksTotal, long Readings, long Inserted, long Rejected)
{
    /// <summary>Completed fraction, 0–1.</summary>
    public double Fraction => TicksTotal == 0 ? 1 : (double)TicksDone / TicksTotal;
}
