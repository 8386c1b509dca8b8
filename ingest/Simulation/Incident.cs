namespace TrafficOrleans.Ingest.Simulation;

/// <summary>
/// A simulated incident (crash, breakdown, flooding): it slows <see cref="RoadId"/> by up to
/// <see cref="Severity"/>, spills back onto the roads feeding into it hop by hop, and clears over its
/// <see cref="Duration"/>.
/// </summary>
/// <param name="RoadId">Road where it happens.</param>
/// <param name="Start">When it starts.</param>
/// <param name="Duration">Until the origin road is back to normal (it eases off over the last 40%).</param>
/// <param name="Severity">Fraction of speed lost at the origin at its peak, 0–1.</param>
public sealed record Incident(string RoadId, DateTimeOffset Start, TimeSpan Duration, double Severity);
