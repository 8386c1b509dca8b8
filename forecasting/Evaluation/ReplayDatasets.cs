using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.History;
using TrafficOrleans.Ingest.Preprocessing;
using TrafficOrleans.Ingest.Replay;

namespace TrafficOrleans.Forecasting.Evaluation;

/// <summary>Loads a replay recording (e.g. the Los-loop matrix CSV) onto the training grid, with its sensor adjacency.</summary>
public static class ReplayDatasets
{
    /// <summary>Opens the recording named by <paramref name="options"/> and loads all of it.</summary>
    public static async Task<TrafficDataset> LoadAsync(ReplayOptions options, ReadingPreprocessor preprocessor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var source = ReplayTrafficSource.Open(options, preprocessor);
        return await LoadAsync(source, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Loads the whole recording. A matrix recording's adjacency becomes the neighbour features (upstream and
    /// downstream sensors), so the tree model sees what the road's neighbours are doing.
    /// </summary>
    public static async Task<TrafficDataset> LoadAsync(ReplayTrafficSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return await TrainingDataLoader.FromSourceAsync(source, source.Start, source.End.Add(ForecastHorizons.Step), cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
