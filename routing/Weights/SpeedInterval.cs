namespace TrafficOrleans.Routing.Weights;

/// <summary>
/// A prediction's 10–90 % range of speeds (km/h) at +10, +20 and +30 minutes, as <c>prediction_interval</c> carries
/// it. Routing has no range for "now": the current speed is measured.
/// </summary>
public readonly record struct SpeedInterval(double Low10Min, double High10Min, double Low20Min, double High20Min, double Low30Min, double High30Min)
{
    /// <summary>Whether every bound is a finite number (a bad one drops the whole interval).</summary>
    public bool IsFinite =>
        double.IsFinite(Low10Min) && double.IsFinite(High10Min) && double.IsFinite(Low20Min)
        && double.IsFinite(High20Min) && double.IsFinite(Low30Min) && double.IsFinite(High30Min);
}
