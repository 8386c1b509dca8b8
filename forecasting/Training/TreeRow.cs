using Microsoft.ML.Data;
using TrafficOrleans.Forecasting.Features;

namespace TrafficOrleans.Forecasting.Training;

/// <summary>A training row handed to ML.NET: features and the speed change at each horizon.</summary>
internal sealed class TreeRow
{
    [VectorType(TreeFeatures.Count)]
    public float[] Features { get; set; } = [];

    public float Label10 { get; set; }

    public float Label20 { get; set; }

    public float Label30 { get; set; }
}
