using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.Push.IntegrationTests;

[Collection(PushCollection.Name)]
public sealed class CrossSiloTests(PushFixture fixture)
{
    [Fact]
    public async Task An_alert_on_the_topic_reaches_clients_of_both_hosts()
    {
        // A second host on the same broker and PostgreSQL, as a second silo would be.
        await using var second = new PushHost(fixture.Servers, $"push-b-{Guid.NewGuid():N}"[..20]);
        second.StartServer();
        await Alerts.WarmUpAsync(fixture, second);
        await using var first = await PushClient.ConnectAsync(fixture.Host);
        await using var other = await PushClient.ConnectAsync(second);

        var alert = Guid.NewGuid();
        await Alerts.ProduceAsync(fixture.Producer, "road-x", Alerts.Json(alert, "road-x"));

        await first.WaitForAsync(alert, "the alert on the first host");
        await other.WaitForAsync(alert, "the alert on the second host");
    }
}
