namespace TrafficOrleans.Push.Delivery;

/// <summary>Names of the server-to-client messages (the client's <c>on(...)</c> handlers).</summary>
public static class PushMethods
{
    /// <summary>An alert from <c>traffic-notifications</c>, the document unchanged.</summary>
    public const string Alert = "alert";

    /// <summary>The subscribed roads whose speed or forecast changed, one message per batch.</summary>
    public const string TrafficUpdated = "trafficUpdated";

    /// <summary>A <c>route-updates</c> event.</summary>
    public const string GraphUpdated = "graphUpdated";
}
