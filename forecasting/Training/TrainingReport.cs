using System.Globalization;
using System.Text;
using System.Text.Json;
using TrafficOrleans.Forecasting.Models;

namespace TrafficOrleans.Forecasting.Training;

/// <summary>Everything a training run produced: the split, every model's scores, the candidate and the promotion decision.</summary>
/// <param name="DataFrom">First instant of the data.</param>
/// <param name="ValidationFrom">First instant of the validation window.</param>
/// <param name="TestFrom">First instant of the test window.</param>
/// <param name="DataTo">Last instant of the data.</param>
/// <param name="Roads">Number of roads.</param>
/// <param name="Models">Scores per model.</param>
/// <param name="Candidate">Model with the lowest mean validation MAE.</param>
/// <param name="Champion">The champion re-scored on this test window, if one was given.</param>
/// <param name="Decision">Promotion decision.</param>
/// <param name="ArtifactPaths">Files written, by version.</param>
public sealed record TrainingReport(
    DateTimeOffset DataFrom,
    DateTimeOffset ValidationFrom,
    DateTimeOffset TestFrom,
    DateTimeOffset DataTo,
    int Roads,
    IReadOnlyList<ModelEvaluation> Models,
    ModelEvaluation Candidate,
    ModelEvaluation? Champion,
    PromotionDecision Decision,
    IReadOnlyDictionary<string, string> ArtifactPaths)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The test-window table: MAE / RMSE / MAPE / R² per model and horizon.</summary>
    public string ToTable()
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"Test window {TestFrom:u} → {DataTo:u}, {Roads} roads (validation MAE picks the candidate)");
        sb.AppendLine("| model | version | horizon | val MAE | MAE | RMSE | MAPE % | R² |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var m in Champion is null ? Models : Models.Append(Champion))
        {
            for (var h = 0; h < m.Test.Count; h++)
            {
                var t = m.Test[h];
                sb.AppendLine(inv, $"| {m.Model} | {m.Version} | {t.HorizonMinutes} min | {m.Validation[h].Mae:F2} | {t.Mae:F2} | {t.Rmse:F2} | {t.Mape:F1} | {t.R2:F3} |");
            }
        }

        sb.AppendLine(inv, $"Training time: {string.Join(", ", Models.Select(m => string.Create(inv, $"{m.Model} {m.TrainingSeconds:F1} s")))}");
        if (Models.FirstOrDefault(m => m.Model == HistoricalAverageForecaster.ModelName) is { } baseline)
        {
            // The acceptance criterion of the forecasting work: the candidate's test MAE against the time-of-week profile.
            var gains = Candidate.Test.Zip(baseline.Test, (c, b) => string.Create(inv, $"{(c.Mae / b.Mae) - 1:+0.0 %;-0.0 %} at {c.HorizonMinutes} min"));
            sb.AppendLine(inv, $"Candidate vs {baseline.Model} test MAE: {string.Join(", ", gains)}");
        }

        sb.AppendLine(inv, $"Candidate: {Candidate.Version}; promotion: {(Decision.Promote ? "yes" : "no")} ({Decision.Reason})");
        return sb.ToString();
    }

    /// <summary>Writes the report as JSON (<c>model_metrics.json</c>).</summary>
    public void WriteJson(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
}
