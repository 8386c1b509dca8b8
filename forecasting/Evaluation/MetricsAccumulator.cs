namespace TrafficOrleans.Forecasting.Evaluation;

/// <summary>
/// Running sums for MAE, RMSE, MAPE and R² of one horizon. Missing actuals (NaN) are skipped; MAPE also skips
/// actuals below <see cref="MapeFloorKmh"/>, where a percentage error is meaningless (standstill, sensor zero).
/// </summary>
public sealed class MetricsAccumulator
{
    /// <summary>Smallest actual speed counted in MAPE.</summary>
    public const double MapeFloorKmh = 1.0;

    private long _n;
    private long _nApe;
    private double _abs;
    private double _sq;
    private double _ape;
    private double _sumY;
    private double _sumY2;

    /// <summary>Adds one forecast/actual pair.</summary>
    public void Add(double predicted, double actual)
    {
        if (double.IsNaN(actual) || double.IsNaN(predicted))
        {
            return;
        }

        var e = predicted - actual;
        _n++;
        _abs += Math.Abs(e);
        _sq += e * e;
        _sumY += actual;
        _sumY2 += actual * actual;
        if (Math.Abs(actual) >= MapeFloorKmh)
        {
            _nApe++;
            _ape += Math.Abs(e / actual);
        }
    }

    /// <summary>Adds another accumulator's sums (for parallel evaluation).</summary>
    public void Merge(MetricsAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _n += other._n;
        _nApe += other._nApe;
        _abs += other._abs;
        _sq += other._sq;
        _ape += other._ape;
        _sumY += other._sumY;
        _sumY2 += other._sumY2;
    }

    /// <summary>Mean of the actuals seen.</summary>
    public double MeanActual => _n == 0 ? double.NaN : _sumY / _n;

    /// <summary>The metrics so far.</summary>
    public HorizonMetrics ToMetrics(int horizonMinutes)
    {
        if (_n == 0)
        {
            return new HorizonMetrics(horizonMinutes, double.NaN, double.NaN, double.NaN, double.NaN, 0);
        }

        var sst = _sumY2 - (_sumY * _sumY / _n);
        return new HorizonMetrics(
            horizonMinutes,
            _abs / _n,
            Math.Sqrt(_sq / _n),
            _nApe == 0 ? double.NaN : 100 * _ape / _nApe,
            sst <= 0 ? double.NaN : 1 - (_sq / sst),
            _n);
    }
}
