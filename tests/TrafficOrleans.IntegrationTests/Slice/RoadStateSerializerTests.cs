using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Grains;
using TrafficOrleans.Grains.Roads;
using TrafficOrleans.IntegrationTests.Infrastructure;
using TrafficOrleans.Silo.Hosting;

namespace TrafficOrleans.IntegrationTests.Slice;

/// <summary>
/// Road state is stored in Orleans' binary format; state written before (the ADO.NET provider's default
/// Newtonsoft JSON) must still load, with the real serializers of the silo.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class RoadStateSerializerTests(ServersFixture database)
{
    private static RoadReadingWindow Window()
    {
        var window = new RoadReadingWindow();
        var start = new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 3; i++)
        {
            window.TryApply(new TrafficReading(Guid.NewGuid(), start.AddMinutes(5 * i), "hanoi_rd_7", "Kim Ma", 20 + i, 50, 4, CongestionLevel.Moderate, 0.4, true, null));
        }

        return window;
    }

    [Fact]
    public async Task Silo_writes_binary_and_still_reads_legacy_json_state()
    {
        await using var host = new SiloHost(database, $"state-{Guid.NewGuid():N}"[..18]);
        var configured = host.Services.GetRequiredService<IOptionsMonitor<AdoNetGrainStorageOptions>>().Get(GrainStorageNames.Traffic).GrainStorageSerializer;
        var legacyJson = host.Services.GetRequiredService<IGrainStorageSerializer>();
        var stateSerializer = Assert.IsType<BinaryGrainStateSerializer>(configured);
        Assert.IsNotType<BinaryGrainStateSerializer>(legacyJson);
        var window = Window();

        var fromJson = stateSerializer.Deserialize<RoadReadingWindow>(legacyJson.Serialize(window));
        var written = stateSerializer.Serialize(window);
        var fromBinary = stateSerializer.Deserialize<RoadReadingWindow>(written);

        Assert.NotEqual((byte)'{', written.ToMemory().Span[0]);
        foreach (var restored in new[] { fromJson, fromBinary })
        {
            Assert.NotNull(restored);
            Assert.Equal(window.Readings, restored.Readings);
            Assert.Equal(window.RecentEventIds, restored.RecentEventIds);
            Assert.Equal(window.AppliedReadings, restored.AppliedReadings);
        }
    }
}
