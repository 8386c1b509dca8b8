using TrafficOrleans.Forecasting.Features;

namespace TrafficOrleans.Forecasting.Training;

/// <summary>
/// Chronological split of the grid: train [0, ValidationStart), validation [ValidationStart, TestStart),
/// test [TestStart, Length). A forecast instant t belongs to a window only if t + 30 min (its last target) is in the
/// same window, so no training target lies in the validation or test windows.
/// </summary>
/// <param name="ValidationStart">First step of the validation window.</param>
/// <param name="TestStart">First step of the test window.</param>
/// <param name="Length">Steps in the dataset.</param>
public sealed record DatasetSplit(int ValidationStart, int TestStart, int Length)
{
    /// <summary>Splits a dataset by time.</summary>
    public static DatasetSplit Create(TrafficDataset dataset, double trainFraction, double validationFraction)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var testStart = (int)(dataset.Length * trainFraction);
        var validationStart = (int)(testStart * (1 - validationFraction));
        return new DatasetSplit(validationStart, testStart, dataset.Length);
    }

    /// <summary>The three windows' instants; throws when any is empty.</summary>
    public (List<Sample> Train, List<Sample> Validation, List<Sample> Test) Windows(TrafficDataset dataset)
    {
        var train = Train(dataset);
        var validation = Validation(dataset);
        var test = Test(dataset);
        if (train.Count == 0 || validation.Count == 0 || test.Count == 0)
        {
            throw new InvalidOperationException("Not enough data for train/validation/test windows.");
        }

        return (train, validation, test);
    }

    /// <summary>Training instants.</summary>
    public List<Sample> Train(TrafficDataset dataset) => Samples(dataset, ForecastHorizons.WindowSteps - 1, ValidationStart);

    /// <summary>Validation instants.</summary>
    public List<Sample> Validation(TrafficDataset dataset) => Samples(dataset, ValidationStart, TestStart);

    /// <summary>Test instants.</summary>
    public List<Sample> Test(TrafficDataset dataset) => Samples(dataset, TestStart, Length);

    /// <summary>Instants t in [from, to) whose reading at t and all three targets (≤ to − 1) exist.</summary>
    public static List<Sample> Samples(TrafficDataset dataset, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var last = to - 1 - ForecastHorizons.StepsAhead(ForecastHorizons.Count - 1);
        var list = new List<Sample>();
        for (var r = 0; r < dataset.Roads.Count; r++)
        {
            var s = dataset.Roads[r].Speed;
            for (var t = from; t <= last; t++)
            {
                if (!float.IsNaN(s[t]) && !float.IsNaN(s[t + 2]) && !float.IsNaN(s[t + 4]) && !float.IsNaN(s[t + 6]))
                {
                    list.Add(new Sample(r, t));
                }
            }
        }

        return list;
    }
}
