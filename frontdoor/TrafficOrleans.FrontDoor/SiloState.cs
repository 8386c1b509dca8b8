namespace TrafficOrleans.FrontDoor;

/// <summary>The front door's view of one silo.</summary>
public sealed record SiloState(string Id, string Address, string Active, string Passive, int InFlight, bool Available);
