using Npgsql;
using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.Registry;
using TrafficOrleans.Forecasting.Simulation;
using TrafficOrleans.Forecasting.Training;

namespace TrafficOrleans.Bench.Streams;

/// <summary>
/// Trains and promotes a champion in the bench database the way <c>traffic train</c> does, so the grains pay the
/// inference cost of a real model (LightGBM wins on 28 simulated days) rather than the cold-start last value.
/// </summary>
public static class BenchChampion
{
    public static async Task<string> TrainAsync(NpgsqlDataSource dataSource, string modelDirectory)
    {
        var (readings, adjacency) = SyntheticTraffic.Generate(roads: 60, days: 7, seed: 42);
        var runner = new TrainingRunner(new ModelRegistry(dataSource), modelDirectory);
        var result = await runner.RunAsync(TrafficDataset.FromReadings(readings, adjacency), new TrainingOptions { TrainLstm = false });
        return result.Report.Candidate.Version;
    }
}
