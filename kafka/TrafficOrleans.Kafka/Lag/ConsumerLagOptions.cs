using System.ComponentModel.DataAnnotations;

namespace TrafficOrleans.Kafka.Lag;

/// <summary>How <c>GET /system/status</c> reads consumer lag (section <c>Kafka:ConsumerLag</c>).</summary>
public sealed class ConsumerLagOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Kafka:ConsumerLag";

    /// <summary>A report younger than this is answered from memory, so polling the status endpoint costs the broker nothing.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait for the broker; past it the lag is reported as unknown rather than holding the status endpoint.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Groups to watch besides the product's own consumers (an operator's own readers of the product's topics).</summary>
    public List<ConsumerGroupWatch> Watch { get; set; } = [];

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => Watch
        .Where(w => string.IsNullOrWhiteSpace(w.Group) || string.IsNullOrWhiteSpace(w.Topic))
        .Select(_ => new ValidationResult("every Kafka:ConsumerLag:Watch entry needs a Group and a Topic", [nameof(Watch)]));
}
