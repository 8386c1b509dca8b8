namespace TrafficOrleans.IntegrationTests.Orleans;

/// <summary>Counts the ticks of one reminder.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task StartAsync(TimeSpan period);
    Task StopAsync();
    Task<int> GetTicksAsync();
}

public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    public const string ReminderName = "probe";
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Ticks = new();

    public Task StartAsync(TimeSpan period) => this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromSeconds(1), period);

    public async Task StopAsync()
    {
        var reminder = await this.GetReminder(ReminderName);
        if (reminder is not null) await this.UnregisterReminder(reminder);
    }

    public Task<int> GetTicksAsync() => Task.FromResult(Ticks.GetValueOrDefault(this.GetPrimaryKeyString()));

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Ticks.AddOrUpdate(this.GetPrimaryKeyString(), 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}
