using System.Globalization;

namespace TrafficOrleans.Forecasting.Training;

/// <summary>Version strings of trained artefacts: <c>{model}-{yyyyMMdd}T{HHmmss}Z</c>, e.g. <c>lgbm-20261124T053000Z</c>.</summary>
/// <remarks>Seconds are included because versions are the registry's primary key and retraining on demand can
/// follow a scheduled run within the same minute.</remarks>
public static class ModelVersion
{
    /// <summary>The version of a model trained at <paramref name="trainedAt"/>.</summary>
    public static string Create(string model, DateTimeOffset trainedAt) =>
        model + "-" + trainedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
