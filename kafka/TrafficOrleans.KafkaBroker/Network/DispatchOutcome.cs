namespace TrafficOrleans.KafkaBroker.Network;

/// <summary>What the connection does after a request was handled.</summary>
internal enum DispatchOutcome
{
    Respond,
    NoResponse,
    Close,
}
