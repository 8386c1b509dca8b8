using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Json;

namespace TrafficOrleans.Kafka.Providers;

/// <summary>Turns a Kafka message into the topic's event type, or says exactly why it cannot.</summary>
public static class KafkaMessageDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes key and value and checks the event with <paramref name="validator"/>; returns the stream key and event, or a rejection.</summary>
    public static (string? Key, object? Event, MessageRejection? Rejection) Decode(
        byte[]? key, byte[]? value, KafkaTopicOptions topic, KafkaStreamOptions options, IKafkaEventValidator? validator = null)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(options);
        if (key is null || key.Length == 0)
        {
            return (null, null, new("missing-key", $"message has no key; the key of {topic.Name} is the stream id (e.g. road_id)"));
        }

        string keyText;
        try
        {
            keyText = StrictUtf8.GetString(key);
        }
        catch (DecoderFallbackException)
        {
            return (null, null, new("invalid-key", "message key is not UTF-8 text"));
        }

        if (value is null || value.Length == 0) return (keyText, null, new("missing-value", "message has no value"));
        if (value.Length > options.MaxMessageBytes)
        {
            return (keyText, null, new("too-large", $"value is {value.Length} bytes, more than the {options.MaxMessageBytes} allowed"));
        }

        object? decoded;
        try
        {
            decoded = (options.ValueReaders.TryGetValue(topic.EventType!, out var read) ? read(value) : null)
                ?? JsonSerializer.Deserialize(value, topic.EventType!, options.JsonSerializerOptions);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            return (keyText, null, new("malformed-json", $"value is not a valid {topic.EventType!.Name}: {ex.Message}"));
        }

        if (decoded is null) return (keyText, null, new("malformed-json", "value is JSON null"));
        if (decoded is IValidatableObject validatable)
        {
            var errors = validatable.Validate(new ValidationContext(decoded)).Select(e => e.ErrorMessage).ToList();
            if (errors.Count > 0) return (keyText, null, new("invalid-event", string.Join("; ", errors)));
        }

        if (validator?.Validate(topic, keyText, decoded) is { } rejection) return (keyText, null, rejection);

        return (keyText, decoded, null);
    }
}
