using System.Text.Json;
using Confluent.Kafka;
using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.Cluster.IntegrationTests;

/// <summary>
/// Three real silo processes (<see cref="ProcessCluster"/>) under the simulator's steady load, one killed with -9.
/// Checked by <c>event_id</c> from reading to published prediction: each reading once on <c>traffic-raw</c>, once in
/// <c>predictions</c> and once on <c>traffic-predictions</c>, and every outbox row up to then published. Two faults:
/// a silo holding no lease (road grains, stream queues and consumer-group partitions move), and the silo holding
/// every lease (ingestion and the outbox relay move too, the relay possibly mid-round).
/// </summary>
public sealed class ThreeSiloClusterTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = ProcessCluster.Deadline;
    private readonly ProcessCluster _cluster = new();

    [Fact]
    public async Task One_silo_ingests_and_a_silo_killed_under_load_loses_and_duplicates_no_reading_prediction_or_message()
    {
        var silos = new[] { _cluster.StartSilo("silo-1"), _cluster.StartSilo("silo-2"), _cluster.StartSilo("silo-3") };
        await Task.WhenAll(silos.Select(s => s.WaitUntilReadyAsync(Deadline)));

        // Exactly-once ingestion: of three silos, only the lease holder polls the simulator.
        await Eventually.WaitForAsync(() => Task.FromResult(_cluster.PollingSilos()), polling => polling.Count > 0, Deadline, "a poll in a silo's log");
        var leader = await _cluster.LeaderAsync("ingestion");
        var relay = await _cluster.LeaderAsync("outbox-relay");
        var victim = silos.First(s => s != leader && s != relay);
        await WaitForTicksAsync(DateTime.UnixEpoch, 2, "two ingested ticks");

        victim.Kill();
        var lastBeforeKill = await _cluster.Servers.ScalarAsync<DateTime>("SELECT max(\"timestamp\") FROM traffic_data");
        await WaitForTicksAsync(lastBeforeKill, 3, "three ticks ingested after the kill");
        Assert.Equal([leader.Name], _cluster.PollingSilos());
        await AssertEveryReadingOnceUpToAsync(lastBeforeKill);
    }

    [Fact]
    public async Task The_silo_holding_the_ingestion_and_relay_leases_killed_under_load_loses_and_duplicates_nothing()
    {
        // Started alone, the first silo takes every lease; the others join as standbys.
        var holder = _cluster.StartSilo("silo-1");
        await holder.WaitUntilReadyAsync(Deadline);
        Assert.Same(holder, await _cluster.LeaderAsync("ingestion"));
        Assert.Same(holder, await _cluster.LeaderAsync("outbox-relay"));
        var standbys = new[] { _cluster.StartSilo("silo-2"), _cluster.StartSilo("silo-3") };
        await Task.WhenAll(standbys.Select(s => s.WaitUntilReadyAsync(Deadline)));
        await WaitForTicksAsync(DateTime.UnixEpoch, 2, "two ingested ticks");

        holder.Kill();
        var lastBeforeKill = await _cluster.Servers.ScalarAsync<DateTime>("SELECT max(\"timestamp\") FROM traffic_data");
        Assert.Contains(await _cluster.LeaderAsync("outbox-relay"), standbys);
        Assert.Contains(await _cluster.LeaderAsync("ingestion"), standbys);
        await WaitForTicksAsync(lastBeforeKill, 3, "three ticks ingested by the new leader");
        await AssertEveryReadingOnceUpToAsync(lastBeforeKill);
    }

    private Task<long> WaitForTicksAsync(DateTime after, int ticks, string what) => Eventually.WaitForAsync(
        () => _cluster.Servers.ScalarAsync<long>("SELECT count(DISTINCT \"timestamp\") FROM traffic_data WHERE \"timestamp\" > $1", after),
        count => count >= ticks,
        Deadline,
        what);

    // Every reading up to the second tick after the kill: one prediction row, and each id once on its topic.
    private async Task AssertEveryReadingOnceUpToAsync(DateTime lastBeforeKill)
    {
        var checkpoint = await _cluster.Servers.ScalarAsync<DateTime>(
            "SELECT \"timestamp\" FROM (SELECT DISTINCT \"timestamp\" FROM traffic_data WHERE \"timestamp\" > $1 ORDER BY 1 LIMIT 2) t ORDER BY 1 DESC LIMIT 1",
            lastBeforeKill);
        await Eventually.WaitForAsync(
            () => _cluster.UnpredictedAsync(checkpoint), unpredicted => unpredicted == 0, Deadline, "every reading up to the second tick after the kill to be predicted");
        Assert.Equal(0L, await _cluster.Servers.ScalarAsync<long>("SELECT count(*) - count(DISTINCT event_id) FROM traffic_data"));
        Assert.Equal(0L, await _cluster.Servers.ScalarAsync<long>("SELECT count(*) - count(DISTINCT event_id) FROM predictions"));

        var readings = await EventIdsAsync("SELECT event_id FROM traffic_data WHERE \"timestamp\" <= $1", checkpoint);
        var predictions = await EventIdsAsync("SELECT event_id FROM predictions WHERE \"timestamp\" <= $1", checkpoint);
        Assert.Equal(readings.Count, predictions.Count);

        // Both topics are written by the outbox relay (one lease holder, idempotent producer), from rows committed with
        // the data they announce; a road grain re-applying a reading in flight on the killed silo adds no row, and a
        // relay taking over reads back what its predecessor published but did not mark. Every outbox row committed by
        // now — these predictions' included — is published before the topics are read to their end.
        var lastRow = await _cluster.Servers.ScalarAsync<long>("SELECT max(id) FROM outbox");
        await Eventually.WaitForAsync(
            () => _cluster.Servers.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE id <= $1 AND sent_at IS NULL", lastRow),
            unsent => unsent == 0, Deadline, "every outbox row up to the checkpoint's predictions to be published");
        var raw = ReadTopic("traffic-raw", readings);
        var published = ReadTopic("traffic-predictions", predictions);
        Assert.DoesNotContain(raw, id => id.Value != 1);
        Assert.DoesNotContain(published, id => id.Value != 1);
    }

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    private async Task<HashSet<Guid>> EventIdsAsync(string sql, DateTime until)
    {
        await using var command = _cluster.Servers.DataSource.CreateCommand(sql);
        command.Parameters.AddWithValue(until);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new HashSet<Guid>();
        while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
        return ids;
    }

    /// <summary>
    /// Reads the topic until every expected id arrived and every partition is read up to its end offset as of the call
    /// (so a repeat published after the first copy is counted too); how often each expected id was read.
    /// </summary>
    private Dictionary<Guid, int> ReadTopic(string topic, HashSet<Guid> expected)
    {
        var ends = KafkaTestClient.EndOffsets(_cluster.Servers.Broker.BootstrapServers, topic, ServersFixture.KafkaPartitions);
        var next = new long[ends.Count];
        var seen = new Dictionary<Guid, int>();
        var read = 0;
        KafkaTestClient.ReadUntil(
            _cluster.Servers.Broker.BootstrapServers,
            topic,
            messages =>
            {
                foreach (var message in messages.Skip(read)) Count(message);
                read = messages.Count;
                return expected.All(seen.ContainsKey) && next.Select((offset, p) => offset >= ends[p]).All(done => done);
            },
            Deadline);
        return expected.ToDictionary(id => id, id => seen[id]);

        void Count(ConsumeResult<byte[]?, byte[]?> message)
        {
            using var document = JsonDocument.Parse(message.Message.Value);
            var id = document.RootElement.GetProperty("event_id").GetGuid();
            seen[id] = seen.GetValueOrDefault(id) + 1;
            var partition = message.Partition.Value;
            next[partition] = Math.Max(next[partition], message.Offset.Value + 1);
        }
    }
}
