using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Spectre.Console;
using TrafficOrleans.Cli.Hosting;
using TrafficOrleans.Forecasting;
using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.History;
using TrafficOrleans.Forecasting.Registry;
using TrafficOrleans.Forecasting.Training;
using TrafficOrleans.Ingest;
using TrafficOrleans.Ingest.Hosting;
using TrafficOrleans.Ingest.Replay;
using TrafficOrleans.Storage.Postgres;

namespace TrafficOrleans.Cli.Commands;

/// <summary>
/// <c>traffic train</c>: trains every model on the last weeks of <c>traffic_data</c> (or a replay CSV), prints
/// the metrics table, records the models in <c>model_registry</c> and promotes the candidate only if it beats
/// the champion on the same test window. Running silos pick the new champion up without a restart.
/// </summary>
public static class TrainCommand
{
    /// <summary>The <c>train</c> command.</summary>
    public static Command Create()
    {
        var weeks = new Option<int?>("--weeks") { Description = "Weeks of history to train on, ending now (default Forecasting:HistoryWeeks, 4)." };
        var replay = new Option<string?>("--replay") { Description = "Train on a recorded CSV instead of traffic_data (Ingest:Replay:* settings apply, e.g. Format, StartTime)." };
        var noLstm = new Option<bool>("--no-lstm") { Description = "Skip the LSTM (faster)." };
        var noTgcn = new Option<bool>("--no-tgcn") { Description = "Skip the T-GCN (faster)." };
        var modelDirectory = new Option<string?>("--model-dir") { Description = "Where model artefacts go (default Forecasting:ModelDirectory)." };
        var ifNoChampion = new Option<bool>("--if-no-champion")
        {
            Description = "Do nothing when the registry already has a champion (a first run trains once; later runs reuse it).",
        };
        var command = new Command("train", "Train, evaluate and (if better) promote the forecasting models.") { weeks, replay, noLstm, noTgcn, modelDirectory, ifNoChampion };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(weeks), parse.GetValue(replay), new NeuralModels(!parse.GetValue(noLstm), !parse.GetValue(noTgcn)), parse.GetValue(modelDirectory), parse.GetValue(ifNoChampion), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        int? weeks, string? replay, NeuralModels neural, string? modelDirectory, bool ifNoChampion, CancellationToken cancellationToken)
    {
        var overrides = new Dictionary<string, string?>();
        if (replay is not null)
        {
            overrides["Ingest:Source"] = nameof(TrafficSourceKind.Replay);
            overrides["Ingest:Replay:Path"] = Path.GetFullPath(replay);
        }

        var builder = CliHost.CreateBuilder(overrides);
        var postgres = builder.Configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not set (environment ConnectionStrings__Postgres).");
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(postgres));
        // The configured source's road graph gives the neighbour features; ingestion sets neighbour_ratio from the same graph.
        builder.AddTrafficSources();
        using var host = await CliHost.BuildAsync(builder, cancellationToken);

        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TrafficOrleans.Cli.Train");
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        var historyWeeks = weeks ?? builder.Configuration.GetValue("Forecasting:HistoryWeeks", TrainingDataLoader.DefaultWeeks);
        var directory = Path.GetFullPath(modelDirectory ?? builder.Configuration["Forecasting:ModelDirectory"] ?? Path.Combine(".data", "models"));
        if (ifNoChampion && await new ModelRegistry(dataSource).GetChampionAsync(cancellationToken) is { } champion)
        {
            logger.LogInformation("Champion {Version} ({Type}, trained {Created:O}) already serves: not training", champion.Version, champion.ModelType, champion.CreatedAt);
            return 0;
        }

        try
        {
            return await TrainAsync(host, logger, dataSource, replay, historyWeeks, neural, directory, cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            // Not enough history, a missing champion artefact, …: one line the operator can act on.
            logger.LogError("Training failed: {Reason}", ex.Message);
            return 1;
        }
    }

    private static async Task<int> TrainAsync(
        IHost host, ILogger logger, NpgsqlDataSource dataSource, string? replay, int historyWeeks, NeuralModels neural, string directory,
        CancellationToken cancellationToken)
    {
        var loading = Stopwatch.StartNew();
        TrafficDataset dataset;
        if (replay is not null && host.Services.GetRequiredService<ITrafficSource>() is ReplayTrafficSource recording)
        {
            logger.LogInformation("Loading {Path} ({From:O} to {To:O})", replay, recording.Start, recording.End);
            dataset = await TrainingDataLoader.FromSourceAsync(recording, recording.Start, recording.End.Add(ForecastHorizons.Step), cancellationToken: cancellationToken);
        }
        else
        {
            logger.LogInformation("Loading the last {Weeks} week(s) of traffic_data", historyWeeks);
            // A demo silo's simulated clock runs ahead of wall time, so its history may end after now: train up to its end.
            var end = DateTimeOffset.UtcNow;
            if (await new HistoryExtent(dataSource).LatestAsync(cancellationToken) is { } latest && latest.Timestamp >= end)
            {
                end = latest.Timestamp + ForecastHorizons.Step;
            }

            var adjacency = host.Services.GetRequiredService<ITrafficSource>().Adjacency;
            if (adjacency is null) logger.LogWarning("The traffic source has no road graph yet: training without neighbour features");
            dataset = await TrainingDataLoader.LastWeeksFromPostgresAsync(dataSource, end, historyWeeks, adjacency, cancellationToken);
        }

        logger.LogInformation("Loaded {Roads} roads × {Steps} five-minute steps in {Seconds:F1} s", dataset.Roads.Count, dataset.Length, loading.Elapsed.TotalSeconds);
        var runner = new TrainingRunner(new ModelRegistry(dataSource), directory, logger: host.Services.GetRequiredService<ILoggerFactory>().CreateLogger<TrainingRunner>());
        var options = neural.Apply(new TrainingOptions());
        TrainingRunResult? result = null;
        var lastDecile = -1;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("train", maxValue: 100);
                var progress = new Progress<TrainingProgress>(p =>
                {
                    task.Value = p.Percent;
                    task.Description = p.Stage;
                    // Logs too, so a non-interactive run (CI, Kubernetes job) still shows how far it got.
                    var decile = (int)(p.Percent / 10);
                    if (decile > lastDecile)
                    {
                        lastDecile = decile;
                        logger.LogInformation("Training {Percent:F0}% done ({Stage})", p.Percent, p.Stage);
                    }
                });
                result = await runner.RunAsync(dataset, options, progress, cancellationToken);
                task.Value = 100;
            });

        Console.WriteLine(result!.Report.ToTable());
        logger.LogInformation("Run {Run}: {Outcome} (metrics: {Metrics})", result.RunId, result.Outcome, result.MetricsPath);
        return 0;
    }
}
