using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.Models;

namespace TrafficOrleans.Forecasting.Training;

/// <summary>
/// Time-of-week profiles for training rows, each fit without the day the row belongs to. The served profile is fit
/// on the whole training span, so for a training row it averages the row's own target; with a few days of history
/// that is a third or more of the value, the trees learn to trust the profile and then fail on unseen days (on 4
/// simulated days, 60 rounds were worse than 1 at 10 min). Leaving the row's day out gives the trees the profile as
/// they will see it at inference: built from other days only.
/// </summary>
public sealed class OutOfFoldProfiles
{
    private readonly TrafficDataset _dataset;
    private readonly int _endStep;
    private readonly int _slotMinutes;
    private readonly Dictionary<int, HistoricalAverageForecaster> _folds = [];

    /// <summary>Profiles over steps [0, <paramref name="endStep"/>), one per left-out day.</summary>
    public OutOfFoldProfiles(TrafficDataset dataset, int endStep, int slotMinutes)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        _dataset = dataset;
        _endStep = endStep;
        _slotMinutes = slotMinutes;
    }

    /// <summary>Steps per fold: one day.</summary>
    public static int FoldSteps => 24 * 60 / ForecastHorizons.StepMinutes;

    /// <summary>The profile to use for a training row at <paramref name="step"/> (its targets lie in the same or next fold).</summary>
    public HistoricalAverageForecaster For(int step)
    {
        // The fold covers the row's window and its 30-minute targets, which may spill into the next day.
        var fold = step / FoldSteps;
        if (!_folds.TryGetValue(fold, out var profile))
        {
            var from = Math.Max(0, (fold * FoldSteps) - ForecastHorizons.WindowSteps);
            var to = ((fold + 1) * FoldSteps) + ForecastHorizons.StepsAhead(ForecastHorizons.Count - 1);
            profile = HistoricalAverageForecaster.Fit(_dataset, _endStep, "out-of-fold", _slotMinutes, from, to);
            _folds[fold] = profile;
        }

        return profile;
    }
}
