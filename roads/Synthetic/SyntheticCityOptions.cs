using System.ComponentModel.DataAnnotations;

namespace TrafficOrleans.Roads.Synthetic;

/// <summary>Shape of the generated city: a square grid of streets with ring roads and arterials.</summary>
public sealed class SyntheticCityOptions
{
    /// <summary>Intersections per side of the grid (default 9 → 288 directed roads).</summary>
    [Range(3, 101)]
    public int GridSize { get; set; } = 9;

    /// <summary>Distance between neighbouring intersections in metres.</summary>
    [Range(50, 5000)]
    public double BlockMeters { get; set; } = 600;

    /// <summary>Every how many grid lines (counted from the centre) a street is an arterial.</summary>
    [Range(1, 100)]
    public int ArterialEvery { get; set; } = 2;

    /// <summary>Centre latitude; Hoan Kiem lake by default.</summary>
    [Range(-85, 85)]
    public double CenterLat { get; set; } = 21.0285;

    /// <summary>Centre longitude; Hoan Kiem lake by default.</summary>
    [Range(-180, 180)]
    public double CenterLng { get; set; } = 105.8542;
}
