namespace TrafficOrleans.Storage.Postgres.Notifications;

/// <summary>
/// Which stored alerts a history query returns: a time window [<paramref name="From"/>, <paramref name="To"/>) and,
/// each optional, the roads (null: every road; empty: none), the alert type and the severity.
/// </summary>
public sealed record NotificationFilter(
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyCollection<string>? RoadIds = null,
    string? AlertType = null,
    string? Severity = null);
