using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TrafficOrleans.Ingest.Here;
using TrafficOrleans.Ingest.Simulation;
using TrafficOrleans.Ingest.Hosting;

namespace TrafficOrleans.Ingest.Tests;

public class HostingTests
{
    [Fact]
    public async Task Without_an_api_key_the_simulator_is_the_source()
    {
        using var host = Build([]);
        await host.StartAsync();
        Assert.IsType<SimulatorTrafficSource>(host.Services.GetRequiredService<ITrafficSource>());
        await host.StopAsync();
    }

    [Fact]
    public async Task With_an_api_key_HERE_is_the_source()
    {
        using var host = Build(new() { ["Ingest:Here:ApiKey"] = "k" });
        await host.StartAsync();
        Assert.IsType<HereTrafficSource>(host.Services.GetRequiredService<ITrafficSource>());
        await host.StopAsync();
    }

    [Fact]
    public async Task Replay_without_a_path_fails_at_start_up()
    {
        using var host = Build(new() { ["Ingest:Source"] = "Replay" });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Ingest:Replay:Path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_bbox_fails_at_start_up()
    {
        using var host = Build(new() { ["Ingest:Here:West"] = "106", ["Ingest:Here:East"] = "105" });
        await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddTrafficSources();
        return builder.Build();
    }
}
