namespace TrafficOrleans.Forecasting.Models;

/// <summary>One regression tree as parallel arrays (node i splits on <c>Feature[i] ≤ Threshold[i]</c>).</summary>
/// <param name="Weight">Weight of the tree in the ensemble.</param>
/// <param name="Feature">Split feature per internal node.</param>
/// <param name="Threshold">Split threshold per internal node.</param>
/// <param name="Left">Left child per node; negative values are <c>~leafIndex</c>.</param>
/// <param name="Right">Right child per node; negative values are <c>~leafIndex</c>.</param>
/// <param name="Leaf">Leaf values.</param>
public sealed record TreeArrays(double Weight, int[] Feature, float[] Threshold, int[] Left, int[] Right, float[] Leaf);
