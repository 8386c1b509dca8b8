namespace TrafficOrleans.Outbox;

/// <summary>The outcome of one relay round.</summary>
/// <param name="Claimed">Rows claimed.</param>
/// <param name="Published">Rows delivered and marked sent.</param>
/// <param name="Failed">Rows whose delivery failed; they stay unsent with <c>attempts</c> and <c>last_error</c> updated.</param>
public readonly record struct RelayRound(int Claimed, int Published, int Failed);
