using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace TrafficOrleans.Push.Delivery;

/// <summary>
/// A server-to-client hub message, shared by every connection it goes to. The hub frame is serialised at most once per
/// protocol (JSON, MessagePack) however many connections write it — <see cref="SerializedHubMessage"/> caches the bytes
/// per protocol — instead of once per connection, which at 1,000 clients was most of the fan-out's cost.
/// </summary>
public sealed class PushMessage(string method, object payload)
{
    private SerializedHubMessage? _frame;

    /// <summary>The client's handler name (<see cref="PushMethods"/>).</summary>
    public string Method => method;

    /// <summary>The message's single argument.</summary>
    public object Payload => payload;

    /// <summary>The invocation, serialised on first use per protocol and then reused.</summary>
    public SerializedHubMessage Frame =>
        LazyInitializer.EnsureInitialized(ref _frame, () => new SerializedHubMessage(new InvocationMessage(method, [payload])));
}
