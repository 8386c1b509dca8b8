using System.CommandLine;
using TrafficOrleans.Cli.Commands;

// Each command group lives in Commands/ and is composed here.
var root = new RootCommand("TrafficOrleans command line: ingestion, training and operations. Settings: appsettings.json next to this program, overridden by environment variables (Section__Key).");
root.Subcommands.Add(IngestCommands.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());
return await root.Parse(args).InvokeAsync();
