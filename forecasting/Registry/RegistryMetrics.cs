using System.Text.Json;
using System.Text.Json.Serialization;
using TrafficOrleans.Forecasting.Evaluation;

namespace TrafficOrleans.Forecasting.Registry;

/// <summary>The <c>metrics</c> jsonb of a registry row: MAE/RMSE/MAPE/R² per horizon on both windows.</summary>
/// <param name="Validation">Validation metrics per horizon.</param>
/// <param name="Test">Test metrics per horizon.</param>
/// <param name="MeanSpeed">Mean actual speed of the validation window.</param>
/// <param name="RatioToPersistence">Test MAE and RMSE ÷ persistence's per horizon (absent in rows recorded before it).</param>
internal sealed record RegistryMetrics(
    IReadOnlyList<HorizonMetrics> Validation, IReadOnlyList<HorizonMetrics> Test, double MeanSpeed, IReadOnlyList<PersistenceRatio>? RatioToPersistence = null)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // R² or MAPE can be NaN on degenerate windows; jsonb stores them as strings rather than failing.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RegistryMetrics FromJson(string json) =>
        JsonSerializer.Deserialize<RegistryMetrics>(json, Json) ?? throw new InvalidDataException("Empty registry metrics.");
}
