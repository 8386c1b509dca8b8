using Orleans.TestingHost;
using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.IntegrationTests.Orleans;

/// <summary>Reminders stored through the project's SQL: registered, fired, updated, removed.</summary>
[Collection(ServersCollection.Name)]
public sealed class AdoNetReminderTests(ServersFixture database)
{
    [Fact]
    public async Task Reminder_is_stored_fires_and_is_removed()
    {
        await using var cluster = await TestClusters.StartAsync(database);
        var key = Guid.NewGuid().ToString("N");
        var grain = cluster.GrainFactory.GetGrain<IReminderProbeGrain>(key);

        await grain.StartAsync(TimeSpan.FromSeconds(1));

        var periodMs = await database.ScalarAsync<long>(
            "SELECT period_ms FROM orleans_reminders WHERE position($1 in grain_id) > 0 AND reminder_name = $2", key, ReminderProbeGrain.ReminderName);
        Assert.Equal(1000, periodMs);
        await Eventually.WaitForAsync(grain.GetTicksAsync, ticks => ticks >= 2, TimeSpan.FromSeconds(30), "the reminder to fire twice");

        await grain.StartAsync(TimeSpan.FromSeconds(2));
        var version = await database.ScalarAsync<int>(
            "SELECT version FROM orleans_reminders WHERE position($1 in grain_id) > 0", key);
        Assert.Equal(1, version);

        await grain.StopAsync();
        var remaining = await database.ScalarAsync<long>("SELECT count(*) FROM orleans_reminders WHERE position($1 in grain_id) > 0", key);
        Assert.Equal(0, remaining);
    }
}
