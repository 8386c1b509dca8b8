using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.Registry;

namespace TrafficOrleans.Forecasting.Training;

/// <summary>
/// One training run end to end: re-load the current champion, run <see cref="TrainingPipeline"/>, write the
/// artefacts and <c>model_metrics.json</c> under <c>{modelDirectory}/{runId}/</c>, record every model in the
/// registry and promote the candidate only if the pipeline's rule says it beats the champion on the same test window.
/// Used by the silo's scheduler and admin endpoint and by the <c>traffic train</c> CLI.
/// </summary>
public sealed partial class TrainingRunner(ModelRegistry registry, string modelDirectory, TimeProvider? clock = null, ILogger<TrainingRunner>? logger = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <summary>Trains on <paramref name="dataset"/>; <paramref name="progress"/> receives 0–100 % with the stage.</summary>
    public async Task<TrainingRunResult> RunAsync(
        TrafficDataset dataset,
        TrainingOptions? options = null,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        options ??= new TrainingOptions();
        options.Clock = _clock;
        var runId = ModelVersion.Create("run", _clock.GetUtcNow());
        var directory = Path.Combine(modelDirectory, runId);

        var championEntry = await registry.GetChampionAsync(cancellationToken);
        LoadedModel? champion = null;
        if (championEntry is not null)
        {
            if (!File.Exists(championEntry.ArtifactPath))
            {
                // Promoting without re-scoring the champion would break the rule; fail loudly instead.
                throw new InvalidOperationException(
                    $"Champion {championEntry.Version} cannot be re-scored: artefact {championEntry.ArtifactPath} is missing.");
            }

            champion = ModelArtifactStore.Load(championEntry.ArtifactPath);
        }

        LogStarted(_logger, runId, dataset.Roads.Count, dataset.Start, dataset.TimeAt(dataset.Length - 1), championEntry?.Version);
        var report = await Task.Run(
            () => TrainingPipeline.Run(dataset, options, champion, directory, progress),
            cancellationToken);
        var metricsPath = Path.Combine(directory, "model_metrics.json");
        report.WriteJson(metricsPath);

        foreach (var (version, path) in report.ArtifactPaths.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var manifest = ModelArtifactStore.Load(path).Manifest;
            await registry.RecordAsync(manifest, Path.GetFullPath(path), runId, cancellationToken);
        }

        var promoted = false;
        string outcome;
        if (!report.Decision.Promote)
        {
            outcome = $"{report.Candidate.Version} not promoted: {report.Decision.Reason}";
        }
        else if (await registry.PromoteAsync(report.Candidate.Version, championEntry?.Version, _clock.GetUtcNow(), cancellationToken))
        {
            promoted = true;
            outcome = $"{report.Candidate.Version} promoted: {report.Decision.Reason}";
        }
        else
        {
            outcome = $"{report.Candidate.Version} not promoted: the champion changed during training";
        }

        LogFinished(_logger, runId, outcome);
        return new TrainingRunResult(runId, report, metricsPath, championEntry?.Version, promoted, outcome);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Training run {RunId}: {Roads} roads, {From} → {To}, champion {Champion}")]
    private static partial void LogStarted(ILogger logger, string runId, int roads, DateTimeOffset from, DateTimeOffset to, string? champion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training run {RunId} finished: {Outcome}")]
    private static partial void LogFinished(ILogger logger, string runId, string outcome);
}
