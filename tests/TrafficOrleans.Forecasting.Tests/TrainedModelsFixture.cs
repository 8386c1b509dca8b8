using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.Simulation;
using TrafficOrleans.Forecasting.Training;

namespace TrafficOrleans.Forecasting.Tests;

/// <summary>Trains every model once on 28 synthetic days of 8 roads (one corridor); shared by the model tests.</summary>
public sealed class TrainedModelsFixture : IDisposable
{
    public TrainedModelsFixture()
    {
        var (readings, adjacency) = SyntheticTraffic.Generate(roads: 8, days: 28, seed: 3);
        Dataset = TrafficDataset.FromReadings(readings, adjacency);
        ArtifactDirectory = Directory.CreateTempSubdirectory("fc-test-").FullName;
        Options = new TrainingOptions
        {
            Trees = new GradientBoostedOptions { Iterations = 120 },
            Lstm = new LstmOptions { MaxEpochs = 5, SamplesPerEpoch = 4_000, ValidationSamples = 1_000 },
            Tgcn = new TgcnOptions { MaxEpochs = 5, SamplesPerEpoch = 4_000, ValidationSamples = 1_000 },
        };
        Report = TrainingPipeline.Run(Dataset, Options, artifactDirectory: ArtifactDirectory, progress: new Recorder(Progress));
    }

    public TrafficDataset Dataset { get; }

    public TrainingOptions Options { get; }

    public TrainingReport Report { get; }

    public string ArtifactDirectory { get; }

    public List<TrainingProgress> Progress { get; } = [];

    public void Dispose() => Directory.Delete(ArtifactDirectory, recursive: true);

    private sealed class Recorder(List<TrainingProgress> sink) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => sink.Add(value);
    }
}
