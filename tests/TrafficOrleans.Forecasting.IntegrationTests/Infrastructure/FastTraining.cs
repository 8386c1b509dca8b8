using Microsoft.Extensions.Time.Testing;
using TrafficOrleans.Forecasting.Registry;
using TrafficOrleans.Forecasting.Training;

namespace TrafficOrleans.Forecasting.IntegrationTests.Infrastructure;

/// <summary>Fast training settings and runners with their own clock (versions are unique per run).</summary>
public static class FastTraining
{
    /// <summary>No LSTM, no T-GCN, few trees: seconds on the small test history.</summary>
    public static TrainingOptions Fast(int treeIterations = 60) => new()
    {
        TrainLstm = false,
        TrainTgcn = false,
        Trees = new GradientBoostedOptions { Iterations = treeIterations, EarlyStoppingRounds = 0, MinRowsPerLeaf = 20 },
    };

    /// <summary>A runner whose clock starts at <paramref name="at"/>.</summary>
    public static TrainingRunner Runner(ModelRegistry registry, string directory, DateTimeOffset at) =>
        new(registry, directory, new FakeTimeProvider(at));

    /// <summary>A fresh artefact directory under the temp folder.</summary>
    public static string TempDirectory() => Directory.CreateTempSubdirectory("trafficorleans-models-").FullName;
}
