using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.History;
using TrafficOrleans.Forecasting.Simulation;
using TrafficOrleans.Ingest;
using TrafficOrleans.Ingest.Preprocessing;
using TrafficOrleans.Ingest.Simulation;

namespace TrafficOrleans.Bench.Forecasting;

/// <summary>Training data for the bench, generated in process (no database).</summary>
internal static class SimulatedHistory
{
    private const string HereSnapshot = "hanoi-flow-2025-10-15T1409Z.json";

    // The preprocessor's counters need a meter factory; nothing reads them in the bench.
    private static readonly IMeterFactory Meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    /// <summary>The city simulator over the default road set (HERE snapshot), the product's own back-fill path.</summary>
    public static async Task<TrafficDataset> HereAsync(int days)
    {
        var options = new SimulatorOptions { RoadNetworkPath = FindSnapshot() };
        var source = SimulatorTrafficSource.Create(options, new ReadingPreprocessor(Options.Create(new IngestOptions()), new IngestMetrics(Meters)));
        var to = new DateTimeOffset(2026, 11, 23, 17, 0, 0, TimeSpan.Zero);
        return await TrainingDataLoader.FromSourceAsync(source, to.AddDays(-days), to);
    }

    /// <summary>The forecasting library's synthetic corridors.</summary>
    public static TrafficDataset Synthetic(int roads, int days)
    {
        var (readings, adjacency) = SyntheticTraffic.Generate(roads, days, seed: 42);
        return TrafficDataset.FromReadings(readings, adjacency);
    }

    private static string FindSnapshot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "..", "shared", "data", "here", HereSnapshot);
            if (File.Exists(Path.Combine(dir.FullName, "TrafficOrleans.sln")) && File.Exists(path))
            {
                return Path.GetFullPath(path);
            }
        }

        throw new FileNotFoundException($"{HereSnapshot} not found in ../shared/data/here beside the repository.");
    }
}
