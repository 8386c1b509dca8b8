using System.ComponentModel.DataAnnotations;

namespace TrafficOrleans.Forecasting;

/// <summary>Forecasting settings of the silo and the CLI (section <c>Forecasting</c>).</summary>
public sealed class ForecastingOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Forecasting";

    /// <summary>
    /// Where artefacts and <c>model_metrics.json</c> are written, one sub-directory per training run. Every silo
    /// must be able to read it (a shared volume in Kubernetes), since the registry stores artefact paths.
    /// </summary>
    [Required]
    public string ModelDirectory { get; set; } = Path.Combine(".data", "models");

    /// <summary>Weeks of <c>traffic_data</c> a scheduled or on-demand training run reads.</summary>
    [Range(1, 52)]
    public int HistoryWeeks { get; set; } = 4;

    /// <summary>How often each silo asks the registry grain for the champion (the hot-swap latency bound).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan ChampionPollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the registry grain re-reads the champion from PostgreSQL (catches CLI promotions).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RegistryRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether training runs include the LSTM (the slowest model).</summary>
    public bool TrainLstm { get; set; } = true;

    /// <summary>Whether the weekly retraining reminder (Sunday 02:00 Asia/Ho_Chi_Minh) is registered at start-up.</summary>
    public bool WeeklyRetraining { get; set; } = true;
}
