namespace TrafficOrleans.Storage.Postgres;

/// <summary>One ordered schema change: <c>Migrations/{Version:0000}_{Name}.sql</c>.</summary>
public sealed record Migration(int Version, string Name, string Sql, string Checksum);
