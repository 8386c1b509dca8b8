using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using TrafficOrleans.Grains;
using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.IntegrationTests.Orleans;

/// <summary>The project's own ADO.NET grain-storage SQL, driven by Orleans' real provider on PostgreSQL.</summary>
[Collection(ServersCollection.Name)]
public sealed class AdoNetGrainStorageTests(ServersFixture database) : IAsyncLifetime
{
    private const string GrainType = "storageprobe";
    private TestCluster _cluster = null!;
    private IGrainStorage _storage = null!;

    public async Task InitializeAsync()
    {
        _cluster = await TestClusters.StartAsync(database);
        var silo = (InProcessSiloHandle)_cluster.Primary!;
        _storage = silo.SiloHost!.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Traffic);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private static GrainState<StorageProbeState> State(int value, string? etag = null) =>
        new() { State = new StorageProbeState { Value = value }, ETag = etag! };

    [Fact]
    public async Task Write_then_read_returns_the_state_and_version()
    {
        var id = GrainId.Create(GrainType, Guid.NewGuid().ToString());
        var written = State(42);

        await _storage.WriteStateAsync(GrainType, id, written);
        var read = State(0);
        await _storage.ReadStateAsync(GrainType, id, read);

        Assert.Equal("1", written.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal(42, read.State!.Value);
        Assert.Equal("1", read.ETag);
    }

    [Fact]
    public async Task Writing_with_a_stale_etag_conflicts_and_keeps_the_newer_state()
    {
        var id = GrainId.Create(GrainType, Guid.NewGuid().ToString());
        var first = State(1);
        await _storage.WriteStateAsync(GrainType, id, first);
        var second = State(2, first.ETag);
        await _storage.WriteStateAsync(GrainType, id, second);

        var stale = State(3, first.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(GrainType, id, stale));
        var fresh = State(4);
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(GrainType, id, fresh));

        var read = State(0);
        await _storage.ReadStateAsync(GrainType, id, read);
        Assert.Equal(2, read.State!.Value);
        Assert.Equal("2", read.ETag);
    }

    [Fact]
    public async Task Clear_removes_the_payload_and_rejects_a_stale_clear()
    {
        var id = GrainId.Create(GrainType, Guid.NewGuid().ToString());
        var state = State(7);
        await _storage.WriteStateAsync(GrainType, id, state);
        var staleEtag = state.ETag;
        await _storage.WriteStateAsync(GrainType, id, state);

        var stale = State(7, staleEtag);
        stale.RecordExists = true;
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearStateAsync(GrainType, id, stale));

        await _storage.ClearStateAsync(GrainType, id, state);
        Assert.False(state.RecordExists);

        var read = State(99);
        await _storage.ReadStateAsync(GrainType, id, read);
        Assert.Equal(0, read.State!.Value);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task Same_key_under_another_grain_type_is_a_separate_record()
    {
        var key = Guid.NewGuid().ToString();
        await _storage.WriteStateAsync(GrainType, GrainId.Create(GrainType, key), State(1));
        await _storage.WriteStateAsync("otherprobe", GrainId.Create("otherprobe", key), State(2));

        var read = State(0);
        await _storage.ReadStateAsync(GrainType, GrainId.Create(GrainType, key), read);

        Assert.Equal(1, read.State!.Value);
        var rows = await database.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_grain_state WHERE grain_type IN ('storageprobe', 'otherprobe') AND position($1 in grain_id_extension) > 0", key);
        Assert.Equal(2, rows);
    }
}

/// <summary>A small state for the storage tests.</summary>
[GenerateSerializer]
public sealed class StorageProbeState
{
    [Id(0)] public int Value { get; set; }
}
