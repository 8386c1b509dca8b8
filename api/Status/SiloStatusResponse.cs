namespace TrafficOrleans.Api.Status;

/// <summary>One silo of the cluster, from the Orleans membership table.</summary>
/// <param name="Address">Silo address (endpoint and generation).</param>
/// <param name="Name">Silo name.</param>
/// <param name="HostName">Host it runs on.</param>
/// <param name="Status">Membership status, lower case (<c>active</c>, <c>joining</c>, …).</param>
/// <param name="StartedAt">When the silo started.</param>
/// <param name="LastAliveAt">Its last I-am-alive write.</param>
public sealed record SiloStatusResponse(string Address, string Name, string HostName, string Status, DateTimeOffset StartedAt, DateTimeOffset LastAliveAt);
