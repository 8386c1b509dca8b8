using TrafficOrleans.Forecasting.Models;

namespace TrafficOrleans.Forecasting.Features;

/// <summary>
/// The per-step input contract of sequence models (the C# LSTM and ONNX models): a [Steps × Features] float matrix,
/// oldest step first, features chosen by name from this vocabulary (speeds divided by <see cref="SpeedScale"/>):
/// <list type="bullet">
/// <item><c>speed</c> — speed / scale, missing steps carried forward;</item>
/// <item><c>missing</c> — 1 if the step had no reading;</item>
/// <item><c>speed_ratio</c> — speed / free-flow speed;</item>
/// <item><c>neighbour_ratio</c> — mean neighbour speed ratio (carried forward, 1 when unknown);</item>
/// <item><c>profile</c>, <c>profile_10</c>, <c>profile_20</c>, <c>profile_30</c> — the road's time-of-week mean
/// speed / scale at the step's time and 10/20/30 minutes later;</item>
/// <item><c>tod_sin</c>, <c>tod_cos</c> — Hanoi time of day on the unit circle; <c>weekend</c> — 1 on Sat/Sun.</item>
/// </list>
/// Outputs are 3 values per sequence: speed / scale at +10/20/30 min (<see cref="Residual"/> false), or the change
/// from the newest speed / scale (<see cref="Residual"/> true).
/// </summary>
/// <param name="Features">Feature names in column order.</param>
/// <param name="SpeedScale">Divisor applied to speeds (km/h).</param>
/// <param name="Residual">Whether outputs are changes from the newest speed.</param>
public sealed record SequenceLayout(IReadOnlyList<string> Features, float SpeedScale, bool Residual)
{
    /// <summary>The layout of the in-process LSTM.</summary>
    public static SequenceLayout Default { get; } = new(
        ["speed", "missing", "neighbour_ratio", "profile", "profile_10", "profile_20", "profile_30", "tod_sin", "tod_cos"],
        100f,
        Residual: true);

    /// <summary>Columns per step.</summary>
    public int Width => Features.Count;

    /// <summary>Fills <paramref name="x"/> (WindowSteps × Width) for the input.</summary>
    public void Fill(in ForecastInput input, HistoricalAverageForecaster? profile, Span<float> x)
    {
        var steps = ForecastHorizons.WindowSteps;
        var w = Width;
        var speeds = input.Speeds;
        var first = float.NaN;
        foreach (var v in speeds)
        {
            if (!float.IsNaN(v))
            {
                first = v;
                break;
            }
        }

        var carry = float.IsNaN(first) ? input.FreeFlowSpeed : first;
        var nbrCarry = 1f;
        var freeFlow = input.FreeFlowSpeed > 0 ? input.FreeFlowSpeed : SpeedScale;
        for (var t = 0; t < steps; t++)
        {
            var raw = t < speeds.Length ? speeds[t] : float.NaN;
            carry = float.IsNaN(raw) ? carry : raw;
            var nbr = t < input.NeighbourRatios.Length ? input.NeighbourRatios[t] : float.NaN;
            nbrCarry = float.IsNaN(nbr) ? nbrCarry : nbr;
            var time = input.Timestamp - ((steps - 1 - t) * ForecastHorizons.Step);
            var row = x.Slice(t * w, w);
            for (var f = 0; f < w; f++)
            {
                row[f] = Features[f] switch
                {
                    "speed" => carry / SpeedScale,
                    "missing" => float.IsNaN(raw) ? 1f : 0f,
                    "speed_ratio" => carry / freeFlow,
                    "neighbour_ratio" => nbrCarry,
                    "profile" => Profile(profile, input.RoadId, time, carry),
                    "profile_10" => Profile(profile, input.RoadId, time.AddMinutes(10), carry),
                    "profile_20" => Profile(profile, input.RoadId, time.AddMinutes(20), carry),
                    "profile_30" => Profile(profile, input.RoadId, time.AddMinutes(30), carry),
                    "tod_sin" => MathF.Sin(TimeOfDayAngle(time)),
                    "tod_cos" => MathF.Cos(TimeOfDayAngle(time)),
                    "weekend" => TimeOfWeek.Local(time).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1f : 0f,
                    var other => throw new NotSupportedException($"Unknown sequence feature '{other}'."),
                };
            }
        }
    }

    /// <summary>Turns the model's 3 outputs into km/h speeds.</summary>
    public SpeedForecast ToForecast(in ForecastInput input, ReadOnlySpan<float> y, string model, string version)
    {
        var last = input.LastSpeed;
        var baseSpeed = Residual ? (float.IsNaN(last) ? input.FreeFlowSpeed : last) : 0f;
        return new SpeedForecast(
            Math.Max(0, baseSpeed + (y[0] * SpeedScale)),
            Math.Max(0, baseSpeed + (y[1] * SpeedScale)),
            Math.Max(0, baseSpeed + (y[2] * SpeedScale)),
            model,
            version);
    }

    /// <summary>The training target for actual speeds at +10/20/30 minutes.</summary>
    public void Target(in ForecastInput input, ReadOnlySpan<float> actual, Span<float> y)
    {
        var last = input.LastSpeed;
        var baseSpeed = Residual ? (float.IsNaN(last) ? input.FreeFlowSpeed : last) : 0f;
        for (var h = 0; h < ForecastHorizons.Count; h++)
        {
            y[h] = (actual[h] - baseSpeed) / SpeedScale;
        }
    }

    private float Profile(HistoricalAverageForecaster? profile, string roadId, DateTimeOffset time, float fallback) =>
        (profile is not null && profile.TryGetProfile(roadId, time, out var p) ? p : fallback) / SpeedScale;

    private static float TimeOfDayAngle(DateTimeOffset utc)
    {
        var local = TimeOfWeek.Local(utc);
        return 2f * MathF.PI * ((local.Hour * 60) + local.Minute) / (24f * 60f);
    }
}
