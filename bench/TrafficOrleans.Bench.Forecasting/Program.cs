using System.Diagnostics;
using System.Globalization;
using TrafficOrleans.Forecasting;
using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.Models;
using TrafficOrleans.Forecasting.Onnx;
using TrafficOrleans.Bench.Forecasting;
using TrafficOrleans.Forecasting.Training;

// Stopwatch bench: training time on simulated days of a road set, then per-road inference latency of every model.
// Usage: dotnet run -c Release -- [roads=here|<n synthetic roads>] [days=28] [outputDir=bench-out] [lgbmMaxRows] [earlyStoppingRounds] [passes=5]
// "here" = the simulator over the default road set, the HERE Hanoi snapshot in ../shared/data/here (772 roads).
// Each model is timed over `passes` passes after a warm-up pass; the table shows the median and the range, since the
// machine is shared and one pass can land on a busy moment.
var inv = CultureInfo.InvariantCulture;
var roadSet = args.Length > 0 ? args[0] : "here";
var days = args.Length > 1 ? int.Parse(args[1], inv) : 28;
var outDir = args.Length > 2 ? args[2] : "bench-out";
var options = new TrainingOptions();
if (args.Length > 3)
{
    options.Trees.MaxRows = int.Parse(args[3], inv);
}

if (args.Length > 4)
{
    options.Trees.EarlyStoppingRounds = int.Parse(args[4], inv);
}

var passes = args.Length > 5 ? int.Parse(args[5], inv) : 5;

var total = Stopwatch.StartNew();
var dataset = roadSet == "here"
    ? await SimulatedHistory.HereAsync(days)
    : SimulatedHistory.Synthetic(int.Parse(roadSet, inv), days);
Console.WriteLine($"data: {roadSet} ({dataset.Roads.Count} roads) × {days} days, {dataset.Length} steps, built in {total.Elapsed.TotalSeconds:F1} s");

var last = -10.0;
var progress = new Progress<TrainingProgress>(p =>
{
    if (p.Percent - last >= 10 || p.Percent >= 100)
    {
        last = p.Percent;
        Console.WriteLine($"  {p.Percent,5:F1}% {p.Stage}");
    }
});
var sw = Stopwatch.StartNew();
var report = TrainingPipeline.Run(dataset, options, artifactDirectory: outDir, progress: progress);
var trainSeconds = sw.Elapsed.TotalSeconds;
Console.WriteLine(report.ToTable());
report.WriteJson(Path.Combine(outDir, "model_metrics.json"));
Console.WriteLine($"training pipeline total (incl. evaluation): {trainSeconds:F1} s");

var models = report.ArtifactPaths.Values.Select(ModelArtifactStore.Load).Select(l => l.Forecaster).ToList();
if (models.OfType<LstmForecaster>().FirstOrDefault() is { } lstm)
{
    models.Add(new OnnxForecaster(OnnxLstmExporter.Export(lstm.Network, lstm.Layout), "onnx-of-" + lstm.Version, lstm.Profile));
}

Console.WriteLine();
Console.WriteLine($"load average before timing: {LoadAverage()}");
Console.WriteLine($"| model | µs per road forecast, median of {passes} passes | min–max | allocated bytes per forecast |");
Console.WriteLine("|---|---|---|---|");
var speeds = new float[ForecastHorizons.WindowSteps];
var nbr = new float[ForecastHorizons.WindowSteps];
foreach (var model in models)
{
    var n = model is LstmForecaster or OnnxForecaster or TgcnForecaster ? 20_000 : 200_000;
    var sink = 0f;
    var perCall = new double[passes];
    var bytes = 0.0;
    for (var pass = -1; pass < passes; pass++)
    {
        // Pass -1 warms up the JIT and is not recorded.
        var alloc = GC.GetAllocatedBytesForCurrentThread();
        var timer = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            var road = dataset.Roads[i % dataset.Roads.Count];
            var t = 20 + (i * 7 % (dataset.Length - 40));
            var input = WindowBuilder.Create(dataset, road, t, speeds, nbr);
            sink += model.Forecast(input).Speed10;
        }

        if (pass >= 0)
        {
            perCall[pass] = timer.Elapsed.TotalMicroseconds / n;
            bytes = Math.Max(bytes, (GC.GetAllocatedBytesForCurrentThread() - alloc) / (double)n);
        }
    }

    Array.Sort(perCall);
    Console.WriteLine($"| {model.Name} | {perCall[passes / 2]:F2} | {perCall[0]:F2}–{perCall[^1]:F2} | {bytes:F1} |");
    GC.KeepAlive(sink);
}

Console.WriteLine($"load average after timing: {LoadAverage()}");
Console.WriteLine($"total bench time {total.Elapsed.TotalSeconds:F0} s");

// The 1-, 5- and 15-minute load averages (Linux), printed next to the figures they qualify.
static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
