using TrafficOrleans.Forecasting.Evaluation;

namespace TrafficOrleans.Forecasting.Training;

/// <summary>
/// <c>manifest.json</c> of an artefact: what a <c>model_registry</c> row records (metrics, data window, features,
/// created_at) and what confidence needs after loading.
/// </summary>
/// <param name="Model">Model family (<c>lgbm</c>, <c>lstm</c>, <c>historical-average</c>, <c>persistence</c>, <c>onnx</c>).</param>
/// <param name="Version">Version string.</param>
/// <param name="CreatedAt">When it was trained.</param>
/// <param name="DataFrom">First instant of the training data.</param>
/// <param name="DataTo">Last instant of the data (end of the test window).</param>
/// <param name="Features">Feature names.</param>
/// <param name="Validation">Validation metrics per horizon.</param>
/// <param name="Test">Test metrics per horizon.</param>
/// <param name="Quality">Validation MAE and mean speed.</param>
/// <param name="RatioToPersistence">Test MAE and RMSE ÷ persistence's per horizon (null in artefacts written before it existed).</param>
public sealed record ModelManifest(
    string Model,
    string Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset DataFrom,
    DateTimeOffset DataTo,
    IReadOnlyList<string> Features,
    IReadOnlyList<HorizonMetrics> Validation,
    IReadOnlyList<HorizonMetrics> Test,
    ModelQuality Quality,
    IReadOnlyList<PersistenceRatio>? RatioToPersistence = null);
