namespace TrafficOrleans.GrainInterfaces.Grains;

/// <summary>A weights snapshot in the routing library's compact binary format, with its graph version.</summary>
/// <param name="GraphVersion">Version of the snapshot.</param>
/// <param name="Bytes">The serialized snapshot (never modified after creation).</param>
[GenerateSerializer, Immutable]
public sealed record WeightsSnapshotPayload(
    [property: Id(0)] string GraphVersion,
    [property: Id(1)] byte[] Bytes);
