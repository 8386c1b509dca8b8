namespace TrafficOrleans.Forecasting.Tgcn;

/// <summary>
/// The graph convolution of the T-GCN input: per step, (Â x) of a road with Â = D⁻¹ (A + I), i.e. the mean of the
/// road's own speed ratio and each neighbour's, (x_i + n · m_i) ÷ (n + 1), where m_i is the neighbours' mean ratio
/// that <see cref="ForecastInput.NeighbourRatios"/> carries and n the road's neighbour count on the model's graph.
/// </summary>
/// <remarks>
/// T-GCN's paper uses the symmetric D^-½ (A + I) D^-½, whose row i weighs neighbour j by 1/√(d_i d_j): it needs every
/// neighbour's value and degree, not the one mean a road's forecast input carries. The random-walk normalisation
/// gives the same operator up to those degree weights and can be applied to one road's neighbourhood window alone, so
/// single-road serving computes exactly what training saw.
/// </remarks>
public static class GraphConvolution
{
    /// <summary>Channels per step fed to the GRU: the road's own ratio and the convolved ratio.</summary>
    public const int Channels = 2;

    /// <summary>
    /// Fills <paramref name="x"/> (Steps × <see cref="Channels"/>) from the input window: speed ratios (speed ÷ free
    /// flow) carried forward over missing steps (back-filled before the first reading), neighbour ratios likewise,
    /// and where no neighbour reported, the convolution is the road's own ratio. Returns the newest ratio, or NaN when
    /// the window holds no speed.
    /// </summary>
    public static float Fill(in ForecastInput input, int neighbourCount, Span<float> x)
    {
        var speeds = input.Speeds;
        var freeFlow = input.FreeFlowSpeed;
        var first = float.NaN;
        foreach (var s in speeds)
        {
            if (!float.IsNaN(s))
            {
                first = s / freeFlow;
                break;
            }
        }

        if (float.IsNaN(first))
        {
            return float.NaN;
        }

        var own = first;
        var neighbours = input.NeighbourRatios;
        var nbr = float.NaN;
        var selfWeight = 1f / (neighbourCount + 1);
        for (var t = 0; t < speeds.Length; t++)
        {
            own = float.IsNaN(speeds[t]) ? own : speeds[t] / freeFlow;
            if (neighbourCount > 0 && t < neighbours.Length && !float.IsNaN(neighbours[t]))
            {
                nbr = neighbours[t];
            }

            x[t * Channels] = own;
            x[(t * Channels) + 1] = float.IsNaN(nbr) ? own : (selfWeight * own) + ((1f - selfWeight) * nbr);
        }

        return own;
    }
}
