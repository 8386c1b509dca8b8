using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TrafficOrleans.Cli.Hosting;
using TrafficOrleans.Forecasting.Evaluation;
using TrafficOrleans.Forecasting.Training;
using TrafficOrleans.Ingest;
using TrafficOrleans.Ingest.Hosting;
using TrafficOrleans.Ingest.Replay;

namespace TrafficOrleans.Cli.Commands;

/// <summary>
/// <c>traffic evaluate --replay FILE [--adjacency FILE]</c>: fits every model on a chronological split of a recording
/// and prints, per model and horizon, the test metrics and their ratio to persistence. Touches no database and
/// promotes nothing: it is the yardstick, not a training run.
/// </summary>
public static class EvaluateCommand
{
    /// <summary>The <c>evaluate</c> command.</summary>
    public static Command Create()
    {
        var replay = new Option<string>("--replay") { Description = "Recorded CSV to evaluate on (Ingest:Replay:* settings apply, e.g. Format, StartTime, ZeroSpeedIsMissing).", Required = true };
        var adjacency = new Option<string?>("--adjacency") { Description = "Sensor adjacency matrix of a MatrixCsv recording (neighbour features)." };
        var noLstm = new Option<bool>("--no-lstm") { Description = "Skip the LSTM (faster)." };
        var noTgcn = new Option<bool>("--no-tgcn") { Description = "Skip the T-GCN (faster)." };
        var command = new Command("evaluate", "Score every model against persistence on a chronological split of a recording.") { replay, adjacency, noLstm, noTgcn };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(replay)!, parse.GetValue(adjacency), new NeuralModels(!parse.GetValue(noLstm), !parse.GetValue(noTgcn)), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string replay, string? adjacency, NeuralModels neural, CancellationToken cancellationToken)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Ingest:Source"] = nameof(TrafficSourceKind.Replay),
            ["Ingest:Replay:Path"] = Path.GetFullPath(replay),
        };
        if (adjacency is not null)
        {
            overrides["Ingest:Replay:AdjacencyPath"] = Path.GetFullPath(adjacency);
        }

        var builder = CliHost.CreateBuilder(overrides);
        builder.AddTrafficSources();
        // No CliHost.BuildAsync: evaluation touches no database, so it runs where PostgreSQL is absent.
        using var host = builder.Build();
        if (host.Services.GetRequiredService<ITrafficSource>() is not ReplayTrafficSource recording)
        {
            await Console.Error.WriteLineAsync("The replay source could not be opened.");
            return 1;
        }

        var dataset = await ReplayDatasets.LoadAsync(recording, cancellationToken);
        Console.WriteLine($"Loaded {dataset.Roads.Count} roads × {dataset.Length} five-minute steps from {replay}.");
        IReadOnlyList<RealDataModelResult> results = [];
        var lastStage = string.Empty;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("evaluate", maxValue: 100);
                var progress = new Progress<TrainingProgress>(p =>
                {
                    task.Value = p.Percent;
                    task.Description = p.Stage;
                    if (p.Stage != lastStage)
                    {
                        // A line per stage too, so a non-interactive run (CI) shows how far it got.
                        lastStage = p.Stage;
                        Console.WriteLine($"{p.Percent:F0}% {p.Stage}");
                    }
                });
                results = RealDataEvaluation.Run(dataset, neural.Apply(new TrainingOptions()), progress);
                task.Value = 100;
            });

        Console.WriteLine(RealDataEvaluation.ToTable(results));
        return 0;
    }
}
