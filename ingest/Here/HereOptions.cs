using System.ComponentModel.DataAnnotations;

namespace TrafficOrleans.Ingest.Here;

/// <summary>HERE Traffic API v7 client settings (section <c>Ingest:Here</c>). The bbox defaults cover central Hanoi.</summary>
public sealed class HereOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Ingest:Here";

    /// <summary>API key; from configuration or the environment (<c>Ingest__Here__ApiKey</c>) only, never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Base address of the API, ending in <c>/v7/</c>.</summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "https://data.traffic.hereapi.com/v7/";

    /// <summary>Western edge of the bbox (longitude).</summary>
    [Range(-180, 180)]
    public double West { get; set; } = 105.78;

    /// <summary>Southern edge of the bbox (latitude).</summary>
    [Range(-90, 90)]
    public double South { get; set; } = 20.97;

    /// <summary>Eastern edge of the bbox (longitude).</summary>
    [Range(-180, 180)]
    public double East { get; set; } = 105.92;

    /// <summary>Northern edge of the bbox (latitude).</summary>
    [Range(-90, 90)]
    public double North { get; set; } = 21.08;

    /// <summary>Timeout of one HTTP attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Timeout of the whole request including retries; keep it under the poll interval.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:30:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Retries after the first attempt on 408/429/5xx, network errors and attempt timeouts.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>First retry delay; doubles per retry, with jitter (a Retry-After header wins).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (West >= East) yield return new ValidationResult("West must be less than East.", [nameof(West), nameof(East)]);
        if (South >= North) yield return new ValidationResult("South must be less than North.", [nameof(South), nameof(North)]);
    }
}
