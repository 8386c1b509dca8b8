using TrafficOrleans.Forecasting.Evaluation;
using TrafficOrleans.Forecasting.Features;

namespace TrafficOrleans.Forecasting.Models;

/// <summary>
/// 10th–90th percentile intervals around a model's forecasts, from the model's own errors on the validation window
/// (which it never trained on), per horizon and per condition of the input: congestion (newest speed ÷ free flow, 4
/// bands) × volatility (the window's standard deviation ÷ free flow, terciles of the validation inputs). A jammed or
/// changing road gets a wide interval, a steady free-flowing one a narrow interval; "calibrated" means 80 % of actual
/// speeds fall inside on data the model has not seen (reported by <c>traffic evaluate</c>).
/// </summary>
public sealed class ResidualIntervals
{
    /// <summary>Lower quantile of the interval.</summary>
    public const double LowerQuantile = 0.1;

    /// <summary>Upper quantile of the interval.</summary>
    public const double UpperQuantile = 0.9;

    private const int Format = 1;
    private const int CongestionBands = 4;
    private const int VolatilityBands = 3;
    private const int Cells = CongestionBands * VolatilityBands;
    private static readonly float[] CongestionEdges = [0.5f, 0.75f, 0.9f];

    // [horizon * Cells + cell]: residual (actual − forecast) quantiles.
    private readonly float[] _low;
    private readonly float[] _high;
    private readonly float[] _volatilityEdges;

    private ResidualIntervals(float[] low, float[] high, float[] volatilityEdges)
    {
        _low = low;
        _high = high;
        _volatilityEdges = volatilityEdges;
    }

    /// <summary>Fits the quantiles from the model's forecasts of the given (validation) instants.</summary>
    public static ResidualIntervals Fit(ISpeedForecaster model, TrafficDataset dataset, IReadOnlyList<Sample> samples, int maxSamples = 200_000)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(samples);
        var rows = new List<(float Congestion, float Volatility, float[] Residual)>();
        ForecastWalk.Run(model, dataset, samples, maxSamples, (in ForecastInput input, SpeedForecast f, ReadOnlySpan<float> actual) =>
        {
            var (congestion, volatility) = Condition(input);
            rows.Add((congestion, volatility, [actual[0] - f[0], actual[1] - f[1], actual[2] - f[2]]));
        });

        if (rows.Count == 0)
        {
            throw new InvalidOperationException("No validation forecasts to fit intervals on.");
        }

        var vol = rows.Select(r => r.Volatility).Order().ToArray();
        float[] edges = [Quantile(vol, 1.0 / 3), Quantile(vol, 2.0 / 3)];
        var low = new float[ForecastHorizons.Count * Cells];
        var high = new float[ForecastHorizons.Count * Cells];
        for (var h = 0; h < ForecastHorizons.Count; h++)
        {
            var all = rows.Select(r => r.Residual[h]).Where(float.IsFinite).Order().ToArray();
            var byCell = rows.GroupBy(r => Cell(r.Congestion, r.Volatility, edges)).ToDictionary(g => g.Key, g => g.Select(r => r.Residual[h]).Where(float.IsFinite).Order().ToArray());
            for (var c = 0; c < Cells; c++)
            {
                // A cell with too few errors for a 10 % tail borrows the horizon's pooled quantiles.
                var errors = byCell.TryGetValue(c, out var e) && e.Length >= 50 ? e : all;
                low[(h * Cells) + c] = Quantile(errors, LowerQuantile);
                high[(h * Cells) + c] = Quantile(errors, UpperQuantile);
            }
        }

        return new ResidualIntervals(low, high, edges);
    }

    /// <summary>The interval [low, high] (km/h, low ≥ 0) around <paramref name="forecast"/> at a horizon index.</summary>
    public (float Low, float High) Interval(in ForecastInput input, float forecast, int horizon)
    {
        var (congestion, volatility) = Condition(input);
        var i = (horizon * Cells) + Cell(congestion, volatility, _volatilityEdges);
        return (Math.Max(0, forecast + _low[i]), Math.Max(0, forecast + _high[i]));
    }

    /// <summary>
    /// Accuracy term of <c>prediction_confidence</c> from the interval: 1 − half its width ÷ the forecast speed, mean
    /// over the horizons, in [0, 1]. A forecast of 60 ± 6 km/h scores 0.9; ± 30 km/h or wider scores 0.5 or less.
    /// </summary>
    public double Accuracy(in ForecastInput input, SpeedForecast forecast)
    {
        var sum = 0.0;
        for (var h = 0; h < ForecastHorizons.Count; h++)
        {
            var (low, high) = Interval(input, forecast[h], h);
            var halfWidth = (high - low) / 2.0;
            sum += forecast[h] <= 0 ? 0 : Math.Clamp(1 - (halfWidth / forecast[h]), 0, 1);
        }

        return sum / ForecastHorizons.Count;
    }

    /// <summary>Writes the quantile table.</summary>
    public void Save(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Format);
        foreach (var a in new[] { _volatilityEdges, _low, _high })
        {
            writer.Write(a.Length);
            foreach (var v in a)
            {
                writer.Write(v);
            }
        }
    }

    /// <summary>Reads a table written by <see cref="Save"/>.</summary>
    public static ResidualIntervals Load(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.ReadInt32() != Format)
        {
            throw new InvalidDataException("Unknown interval format.");
        }

        float[] Read()
        {
            var a = new float[reader.ReadInt32()];
            for (var i = 0; i < a.Length; i++)
            {
                a[i] = reader.ReadSingle();
            }

            return a;
        }

        var edges = Read();
        var low = Read();
        var high = Read();
        return new ResidualIntervals(low, high, edges);
    }

    private static (float Congestion, float Volatility) Condition(in ForecastInput input)
    {
        var last = input.LastSpeed;
        var freeFlow = input.FreeFlowSpeed > 0 ? input.FreeFlowSpeed : float.NaN;
        double sum = 0, sumSq = 0;
        var n = 0;
        foreach (var s in input.Speeds)
        {
            if (!float.IsNaN(s))
            {
                sum += s;
                sumSq += (double)s * s;
                n++;
            }
        }

        var std = n == 0 ? 0 : Math.Sqrt(Math.Max(0, (sumSq / n) - ((sum / n) * (sum / n))));
        return float.IsNaN(freeFlow) || float.IsNaN(last) ? (1f, 0f) : (last / freeFlow, (float)(std / freeFlow));
    }

    private static int Cell(float congestion, float volatility, float[] volatilityEdges)
    {
        var c = 0;
        while (c < CongestionEdges.Length && congestion >= CongestionEdges[c])
        {
            c++;
        }

        var v = 0;
        while (v < volatilityEdges.Length && volatility > volatilityEdges[v])
        {
            v++;
        }

        return (c * VolatilityBands) + v;
    }

    private static float Quantile(float[] sorted, double q) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Round(q * (sorted.Length - 1)), 0, sorted.Length - 1)];
}
