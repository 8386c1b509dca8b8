using System.Globalization;

namespace TrafficOrleans.Forecasting.Training;

/// <summary>Version strings of trained artefacts: <c>{model}-{yyyyMMdd}T{HHmm}Z</c>, e.g. <c>lgbm-20261124T0530Z</c>.</summary>
public static class ModelVersion
{
    /// <summary>The version of a model trained at <paramref name="trainedAt"/>.</summary>
    public static string Create(string model, DateTimeOffset trainedAt) =>
        model + "-" + trainedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);
}
