using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans;
using Orleans.Runtime;
using TrafficOrleans.Forecasting.Registry;
using TrafficOrleans.GrainInterfaces.Time;
using TrafficOrleans.Kafka.Lag;
using TrafficOrleans.Storage.Postgres;

namespace TrafficOrleans.Api.Status;

/// <summary>
/// Gathers <see cref="SystemStatus"/>: membership from the Orleans management grain, the outbox backlog, the registry's
/// champion, the newest stored tick and the consumer lag, all in parallel. Every query is index-backed (the unsent-outbox
/// partial index, the champion's unique index, the timestamp index) and the lag is cached and time-bounded
/// (<see cref="ConsumerLagMonitor"/>), so the endpoint stays cheap to poll and answers while the broker is down.
/// </summary>
public sealed class SystemStatusQuery(
    NpgsqlDataSource dataSource, IGrainFactory grains, ConsumerLagMonitor consumerLag, [FromKeyedServices(TrafficClock.Key)] TimeProvider trafficClock)
{
    private const string OutboxSql = """
        SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at))::float8, 0)
        FROM outbox WHERE sent_at IS NULL
        """;

    /// <summary>The status now; PostgreSQL failures propagate (the endpoint answers 503).</summary>
    public async Task<SystemStatus> RunAsync(CancellationToken cancellationToken)
    {
        var silos = SilosAsync(cancellationToken);
        var outbox = OutboxAsync(cancellationToken);
        var champion = new ModelRegistry(dataSource).GetChampionAsync(cancellationToken);
        var latest = new HistoryExtent(dataSource).LatestAsync(cancellationToken);
        var lag = consumerLag.ReadAsync(cancellationToken);
        await Task.WhenAll(silos, outbox, champion, latest, lag);
        var tick = await latest;
        return new SystemStatus(
            await silos, await outbox, ToStatus(await champion), new IngestionStatus(tick?.Timestamp, tick?.Roads ?? 0, trafficClock.GetUtcNow()), await lag);
    }

    private async Task<IReadOnlyList<SiloStatusResponse>> SilosAsync(CancellationToken cancellationToken)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true, cancellationToken);
        return
        [
            .. hosts.OrderBy(h => h.StartTime).Select(h => new SiloStatusResponse(
                h.SiloAddress.ToString(), h.SiloName, h.HostName, h.Status.ToString().ToLowerInvariant(),
                new DateTimeOffset(DateTime.SpecifyKind(h.StartTime, DateTimeKind.Utc)), new DateTimeOffset(DateTime.SpecifyKind(h.IAmAliveTime, DateTimeKind.Utc)))),
        ];
    }

    private async Task<OutboxStatus> OutboxAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(OutboxSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new OutboxStatus(reader.GetInt64(0), Math.Max(0, reader.GetDouble(1)));
    }

    private static ChampionStatus? ToStatus(ModelRegistryEntry? champion) => champion is null
        ? null
        : new ChampionStatus(
            champion.Version, champion.ModelType, champion.CreatedAt, champion.PromotedAt, champion.DataFrom, champion.DataTo,
            new ChampionMetrics(champion.Test, champion.Validation, champion.MeanTestMae));
}
