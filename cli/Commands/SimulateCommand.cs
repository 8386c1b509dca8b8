using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Spectre.Console;
using TrafficOrleans.Cli.Hosting;
using TrafficOrleans.Ingest;
using TrafficOrleans.Ingest.Hosting;
using TrafficOrleans.Outbox;
using TrafficOrleans.Ingest.Scheduling;
using TrafficOrleans.Ingest.Time;
using TrafficOrleans.Storage.Postgres;

namespace TrafficOrleans.Cli.Commands;

/// <summary><c>traffic ingest simulate --days N</c>: back-fills simulated history through the dual write, with a progress bar.</summary>
public static class SimulateCommand
{
    /// <summary>The <c>simulate</c> command.</summary>
    public static Command Create()
    {
        var days = new Option<int>("--days") { Description = "Days of history to generate, ending at --end.", DefaultValueFactory = _ => 28 };
        days.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 3650) result.AddError("--days must be between 1 and 3650.");
        });
        var roads = new Option<string?>("--roads") { Description = "A saved HERE flow response whose roads to simulate (default Ingest:Simulator:RoadNetworkPath, else the synthetic city)." };
        var end = new Option<DateTimeOffset?>("--end") { Description = "End of the history (exclusive); the current tick by default." };
        var historyOnly = new Option<bool>("--history-only")
        {
            Description = "Write traffic_data only, not traffic-raw: history for training and analytics that the road grains need not replay (what ./scripts/up.sh does).",
        };
        var resume = new Option<bool>("--resume")
        {
            Description = "Start after the newest reading already stored in the range, so a complete history is not written twice and an interrupted one is finished.",
        };
        var command = new Command("simulate", "Back-fill simulated history into traffic_data and traffic-raw as fast as possible.") { days, roads, end, historyOnly, resume };
        command.SetAction((parse, cancellationToken) => RunAsync(
            new SimulateRequest(parse.GetValue(days), parse.GetValue(roads), parse.GetValue(end), parse.GetValue(historyOnly), parse.GetValue(resume)), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(SimulateRequest request, CancellationToken cancellationToken)
    {
        var (days, roads, end, historyOnly, resume) = request;
        var overrides = new Dictionary<string, string?> { ["Ingest:Source"] = nameof(TrafficSourceKind.Simulator) };
        if (roads is not null) overrides["Ingest:Simulator:RoadNetworkPath"] = Path.GetFullPath(roads);
        var builder = CliHost.CreateBuilder(overrides);
        builder.AddTrafficIngestionPipeline();
        // History-only rows never reach the outbox, so there is nothing to relay (and the broker may not be running).
        if (!historyOnly) builder.Services.AddHostedService<OutboxRelayService>();
        using var host = await CliHost.BuildAsync(builder, cancellationToken);
        await host.StartAsync(cancellationToken);

        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TrafficOrleans.Cli.Simulate");
        var source = host.Services.GetRequiredService<ITrafficSource>();
        var interval = host.Services.GetRequiredService<IOptions<IngestOptions>>().Value.Interval;
        var to = Ticks.Floor(end ?? source.Clock.GetUtcNow(), interval);
        var from = to - TimeSpan.FromDays(days);
        if (resume && await new HistoryExtent(host.Services.GetRequiredService<NpgsqlDataSource>()).LatestAsync(cancellationToken) is { } latest
            && latest.Timestamp >= from)
        {
            from = Ticks.Floor(latest.Timestamp, interval) + interval;
            if (from >= to)
            {
                logger.LogInformation("History already reaches {Latest:O} ({Roads} roads): nothing to back-fill", latest.Timestamp, latest.Roads);
                await host.StopAsync(CancellationToken.None);
                return 0;
            }

            logger.LogInformation("History reaches {Latest:O}: resuming from there", latest.Timestamp);
        }

        var backfill = host.Services.GetRequiredService<TrafficBackfill>();
        logger.LogInformation("Back-filling {Days} day(s) of {Source} traffic, {From:O} to {To:O}, every {Interval}{Mode}",
            days, source.Name, from, to, interval, historyOnly ? " (history only)" : "");
        var clock = Stopwatch.StartNew();

        var lastDecile = -1;
        var result = default(BackfillProgress);
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("simulate", maxValue: 1);
                result = await backfill.RunAsync(from, to, interval, progress =>
                {
                    task.Value = progress.Fraction;
                    var decile = (int)(progress.Fraction * 10);
                    if (decile == lastDecile) return;
                    lastDecile = decile;
                    logger.LogInformation("Back-fill {Percent:P0}: {Ticks}/{Total} ticks, {Readings} readings ({Inserted} new) in {Seconds:F0} s",
                        progress.Fraction, progress.TicksDone, progress.TicksTotal, progress.Readings, progress.Inserted, clock.Elapsed.TotalSeconds);
                }, cancellationToken, publish: !historyOnly);
            });

        await host.StopAsync(CancellationToken.None);
        if (historyOnly)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"simulated {result.TicksDone} ticks: {result.Readings} readings, {result.Inserted} inserted, {result.Rejected} rejected, in {clock.Elapsed.TotalSeconds:F1} s (history only)"));
            return 0;
        }

        logger.LogInformation("Publishing the rest of the outbox");
        var relayed = await host.Services.GetRequiredService<OutboxRelay>().DrainAsync(cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"simulated {result.TicksDone} ticks: {result.Readings} readings, {result.Inserted} inserted, {result.Rejected} rejected; outbox {relayed.Failed} failing"));
        return relayed.Failed > 0 ? 1 : 0;
    }
}
