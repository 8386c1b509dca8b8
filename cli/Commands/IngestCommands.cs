using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TrafficOrleans.Cli.Hosting;
using TrafficOrleans.Ingest;
using TrafficOrleans.Ingest.Hosting;
using TrafficOrleans.Outbox;
using TrafficOrleans.Ingest.Replay;
using TrafficOrleans.Ingest.Scheduling;
using TrafficOrleans.Ingest.Time;

namespace TrafficOrleans.Cli.Commands;

/// <summary><c>traffic ingest once|run|replay|simulate</c>: the silo's ingestion, driven from the command line.</summary>
public static class IngestCommands
{
    /// <summary>The <c>ingest</c> command group.</summary>
    public static Command Create()
    {
        var ingest = new Command("ingest", "Collect traffic into PostgreSQL (traffic_data) and Kafka (traffic-raw) through the outbox.");
        ingest.Subcommands.Add(Once());
        ingest.Subcommands.Add(Run());
        ingest.Subcommands.Add(Replay());
        ingest.Subcommands.Add(SimulateCommand.Create());
        return ingest;
    }

    private static Command Once()
    {
        var at = new Option<DateTimeOffset?>("--at") { Description = "Tick to poll (ISO-8601); the current tick of the source's clock by default." };
        var command = new Command("once", "Poll the configured source once, write the batch, publish every unsent outbox row, exit.") { at };
        command.SetAction((parse, cancellationToken) => OnceAsync(parse.GetValue(at), cancellationToken));
        return command;
    }

    private static Command Run()
    {
        var command = new Command("run", "Poll on schedule (Ingest:Interval, aligned to the clock) and relay the outbox until Ctrl-C.");
        command.SetAction(async (_, cancellationToken) =>
        {
            var builder = CliHost.CreateBuilder(new Dictionary<string, string?> { ["Ingest:Enabled"] = "true", ["Outbox:Enabled"] = "true" });
            builder.AddTrafficIngestion();
            using var host = await CliHost.BuildAsync(builder, cancellationToken);
            await host.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }

    private static Command Replay()
    {
        var path = new Option<string>("--path") { Description = "The recorded CSV file.", Required = true };
        var format = new Option<string>("--format") { Description = "long: road_id,timestamp,speed[,…] lines; matrix: one column per sensor, one row per interval.", DefaultValueFactory = _ => "long" };
        format.AcceptOnlyFromAmong("long", "matrix");
        var speedUp = new Option<double>("--speed-up") { Description = "How many times faster than recorded (1 = real time).", DefaultValueFactory = _ => 1 };
        var startTime = new Option<DateTimeOffset?>("--start-time") { Description = "Matrix: time of the first row." };
        var interval = new Option<TimeSpan?>("--interval") { Description = "Time between rows / polls (default Ingest:Replay:RowInterval, 5 minutes)." };
        var adjacency = new Option<string?>("--adjacency") { Description = "Matrix: optional adjacency CSV." };
        var command = new Command("replay", "Play a recorded dataset through the pipeline at a chosen speed-up, then exit.") { path, format, speedUp, startTime, interval, adjacency };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>
            {
                ["Ingest:Source"] = nameof(TrafficSourceKind.Replay),
                ["Ingest:Replay:Path"] = Path.GetFullPath(parse.GetValue(path)!),
                ["Ingest:Replay:Format"] = parse.GetValue(format) == "matrix" ? nameof(ReplayFormat.MatrixCsv) : nameof(ReplayFormat.LongCsv),
                ["Ingest:Replay:SpeedUp"] = parse.GetValue(speedUp).ToString(CultureInfo.InvariantCulture),
            };
            if (parse.GetValue(startTime) is { } start) overrides["Ingest:Replay:StartTime"] = start.ToString("O", CultureInfo.InvariantCulture);
            if (parse.GetValue(adjacency) is { } adjacencyPath) overrides["Ingest:Replay:AdjacencyPath"] = Path.GetFullPath(adjacencyPath);
            if (parse.GetValue(interval) is { } rows)
            {
                overrides["Ingest:Replay:RowInterval"] = rows.ToString("c", CultureInfo.InvariantCulture);
                overrides["Ingest:Interval"] = rows.ToString("c", CultureInfo.InvariantCulture);
            }

            return await ReplayAsync(overrides, cancellationToken);
        });
        return command;
    }

    private static async Task<int> OnceAsync(DateTimeOffset? at, CancellationToken cancellationToken)
    {
        var builder = CliHost.CreateBuilder(new Dictionary<string, string?>());
        builder.AddTrafficIngestionPipeline();
        using var host = await CliHost.BuildAsync(builder, cancellationToken);
        var runner = host.Services.GetRequiredService<IngestionRunner>();
        var interval = host.Services.GetRequiredService<IOptions<IngestOptions>>().Value.Interval;
        var tick = at?.ToUniversalTime() ?? Ticks.Floor(runner.Source.Clock.GetUtcNow(), interval);
        var written = await runner.RunOnceAsync(tick, cancellationToken);

        // Publishes this poll's rows and anything an earlier, interrupted run left in the outbox.
        var relayed = await host.Services.GetRequiredService<OutboxRelay>().DrainAsync(cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{runner.Source.Name} {tick:O}: {written.Inserted} inserted, {written.Duplicates} already stored, {written.DeadLettered} dead-lettered; {relayed.Published} published, {relayed.Failed} failed"));
        return relayed.Failed > 0 ? 1 : 0;
    }

    private static async Task<int> ReplayAsync(Dictionary<string, string?> overrides, CancellationToken cancellationToken)
    {
        var builder = CliHost.CreateBuilder(overrides);
        builder.AddTrafficIngestionPipeline();
        builder.Services.AddHostedService<OutboxRelayService>();
        builder.Services.AddSingleton<IngestionService>();
        using var host = await CliHost.BuildAsync(builder, cancellationToken);
        await host.StartAsync(cancellationToken);

        var source = (ReplayTrafficSource)host.Services.GetRequiredService<ITrafficSource>();
        var interval = host.Services.GetRequiredService<IOptions<IngestOptions>>().Value.Interval;
        await host.Services.GetRequiredService<IngestionService>().RunAsync(source.End + interval, cancellationToken);

        await host.StopAsync(CancellationToken.None);
        var relayed = await host.Services.GetRequiredService<OutboxRelay>().DrainAsync(cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"replayed {source.Start:O} … {source.End:O}; {relayed.Failed} outbox rows still failing"));
        return relayed.Failed > 0 ? 1 : 0;
    }
}
