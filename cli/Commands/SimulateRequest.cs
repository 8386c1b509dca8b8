namespace TrafficOrleans.Cli.Commands;

/// <summary>The options of one <c>traffic ingest simulate</c> run.</summary>
/// <param name="Days">Days of history, ending at <paramref name="End"/>.</param>
/// <param name="Roads">A saved HERE flow response whose roads to simulate, or null.</param>
/// <param name="End">End of the history (exclusive), or null for the current tick.</param>
/// <param name="HistoryOnly">Write <c>traffic_data</c> only, no <c>traffic-raw</c>.</param>
/// <param name="Resume">Start after the newest reading already stored.</param>
public sealed record SimulateRequest(int Days, string? Roads, DateTimeOffset? End, bool HistoryOnly, bool Resume);
