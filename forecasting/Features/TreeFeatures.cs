using TrafficOrleans.Forecasting.Models;

namespace TrafficOrleans.Forecasting.Features;

/// <summary>
/// The feature vector of the gradient-boosted models: the original design's features (last 12 speeds, speed ratio,
/// jam factor, hour of day, day of week, weekend, rush hour, rolling mean and std) plus neighbour speed ratios and the
/// road's time-of-week profile now and at each target time. Built only from a <see cref="ForecastInput"/>, i.e. from
/// data at or before the forecast instant. Missing speeds are carried forward so the trees never see NaN.
/// </summary>
public static class TreeFeatures
{
    /// <summary>Length of the feature vector.</summary>
    public const int Count = 39;

    /// <summary>Feature names, in vector order (recorded in artefact manifests).</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "speed_lag11", "speed_lag10", "speed_lag9", "speed_lag8", "speed_lag7", "speed_lag6",
        "speed_lag5", "speed_lag4", "speed_lag3", "speed_lag2", "speed_lag1", "speed_lag0",
        "speed_ratio", "jam_factor", "hour_of_day", "day_of_week", "is_weekend", "is_rush_hour",
        "rolling_mean", "rolling_std", "free_flow_speed", "missing_steps",
        "nbr_ratio_lag0", "nbr_ratio_lag1", "nbr_ratio_lag2", "nbr_ratio_lag3", "nbr_ratio_lag5", "nbr_ratio_mean",
        "profile_now", "profile_10", "profile_20", "profile_30", "trend_15min",
        "nbr_change_5min", "nbr_change_15min", "nbr_change_30min", "nbr_minus_own_ratio", "speed_change_5min", "speed_change_30min",
    ];

    /// <summary>Index of the newest speed; predictions are this value plus the tree output.</summary>
    public const int LastSpeedIndex = 11;

    /// <summary>Fills <paramref name="features"/> (length <see cref="Count"/>) for the input.</summary>
    public static void Fill(in ForecastInput input, HistoricalAverageForecaster? profile, Span<float> features)
    {
        var speeds = input.Speeds;
        var w = ForecastHorizons.WindowSteps;
        var first = float.NaN;
        double sum = 0, sumSq = 0;
        var valid = 0;
        foreach (var s in speeds)
        {
            if (!float.IsNaN(s))
            {
                first = float.IsNaN(first) ? s : first;
                sum += s;
                sumSq += (double)s * s;
                valid++;
            }
        }

        // One road lookup and one local-time computation for all four profile features.
        Span<float> profiles = stackalloc float[1 + ForecastHorizons.Count];
        if (profile is null)
        {
            profiles.Fill(float.NaN);
        }
        else
        {
            profile.FillProfiles(input.RoadId, input.Timestamp, profiles);
        }

        var profileNow = profiles[0];
        var hasProfileNow = !float.IsNaN(profileNow);
        var fallback = !float.IsNaN(first) ? first : hasProfileNow ? profileNow : input.FreeFlowSpeed;
        var carry = fallback;
        var offset = w - speeds.Length;
        for (var i = 0; i < w; i++)
        {
            var s = i >= offset ? speeds[i - offset] : float.NaN;
            carry = float.IsNaN(s) ? carry : s;
            features[i] = carry;
        }

        var last = features[LastSpeedIndex];
        var mean = valid == 0 ? last : (float)(sum / valid);
        var variance = valid == 0 ? 0 : Math.Max(0, (sumSq / valid) - ((double)mean * mean));
        var local = Features.TimeOfWeek.Local(input.Timestamp);
        var freeFlow = input.FreeFlowSpeed > 0 ? input.FreeFlowSpeed : mean;

        features[12] = last / freeFlow;
        features[13] = input.JamFactor;
        features[14] = local.Hour + (local.Minute / 60f);
        features[15] = (int)local.DayOfWeek;
        features[16] = local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1 : 0;
        features[17] = input.IsRushHour ? 1 : 0;
        features[18] = mean;
        features[19] = (float)Math.Sqrt(variance);
        features[20] = freeFlow;
        features[21] = w - valid;
        Span<float> lagged = stackalloc float[w];
        FillNeighbours(input.NeighbourRatios, lagged, features[22..28]);
        features[28] = hasProfileNow ? profileNow : mean;
        for (var h = 0; h < ForecastHorizons.Count; h++)
        {
            features[29 + h] = float.IsNaN(profiles[1 + h]) ? features[28] : profiles[1 + h];
        }

        features[32] = last - features[LastSpeedIndex - 3];

        // Appended after the original 33 so artefacts trained on the shorter vector still index the same features.
        // Congestion travels along the graph: how fast the neighbours' ratio is falling, and how far it is below ours,
        // announce a jam before it reaches this sensor. 0 when no neighbour data (the ratio features carry −1 then).
        var hasNeighbours = lagged[w - 1] >= 0;
        features[33] = hasNeighbours && lagged[w - 2] >= 0 ? lagged[w - 1] - lagged[w - 2] : 0;
        features[34] = hasNeighbours && lagged[w - 4] >= 0 ? lagged[w - 1] - lagged[w - 4] : 0;
        features[35] = hasNeighbours && lagged[w - 7] >= 0 ? lagged[w - 1] - lagged[w - 7] : 0;
        features[36] = hasNeighbours ? lagged[w - 1] - features[12] : 0;
        features[37] = last - features[LastSpeedIndex - 1];
        features[38] = last - features[LastSpeedIndex - 6];
    }

    private static void FillNeighbours(ReadOnlySpan<float> ratios, Span<float> lagged, Span<float> dst)
    {
        // −1 marks "no neighbour data"; trees split it off cleanly, unlike NaN whose direction ML.NET does not expose.
        const float none = -1f;
        var carry = none;
        float sum = 0;
        var n = 0;
        var offset = lagged.Length - ratios.Length;
        for (var i = 0; i < lagged.Length; i++)
        {
            var r = i >= offset ? ratios[i - offset] : float.NaN;
            if (!float.IsNaN(r))
            {
                carry = r;
                sum += r;
                n++;
            }

            lagged[i] = carry;
        }

        var lastIdx = lagged.Length - 1;
        dst[0] = lagged[lastIdx];
        dst[1] = lagged[lastIdx - 1];
        dst[2] = lagged[lastIdx - 2];
        dst[3] = lagged[lastIdx - 3];
        dst[4] = lagged[lastIdx - 5];
        dst[5] = n == 0 ? none : sum / n;
    }
}
