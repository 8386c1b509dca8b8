namespace TrafficOrleans.Storage.Postgres.Notifications;

/// <summary>A stored alert: its row id and time (the paging key) and the alert's JSON document as published.</summary>
public sealed record StoredNotification(long Id, DateTimeOffset Timestamp, string RoadId, string Json);
