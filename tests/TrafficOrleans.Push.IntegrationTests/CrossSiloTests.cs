using System.Text.Json;
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

    [Fact]
    public async Task A_silo_is_ready_only_once_its_alert_reader_holds_its_partitions_so_a_client_sent_there_misses_nothing()
    {
        // A silo that has just started, as after a restart: no warm-up probes, the client arrives as soon as the front
        // door would send it (ready), and the very next alert on the topic must reach it.
        await using var fresh = new PushHost(fixture.Servers, $"push-c-{Guid.NewGuid():N}"[..20]);
        fresh.StartServer();
        using var http = new HttpClient { BaseAddress = fresh.BaseAddress };
        var ready = await Eventually.WaitForAsync(
            async () =>
            {
                using var response = await http.GetAsync(new Uri("health/ready", UriKind.Relative));
                return (response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            },
            answer => answer.IsSuccessStatusCode, Alerts.Deadline, "the fresh host to report ready");
        using var report = JsonDocument.Parse(ready.Item2);
        Assert.Equal("Healthy", report.RootElement.GetProperty("checks").GetProperty("push-alerts").GetProperty("status").GetString());

        await using var client = await PushClient.ConnectAsync(fresh);
        var alert = Guid.NewGuid();
        await Alerts.ProduceAsync(fixture.Producer, "road-y", Alerts.Json(alert, "road-y"));

        await client.WaitForAsync(alert, "the first alert after the host reported ready");
    }
}
