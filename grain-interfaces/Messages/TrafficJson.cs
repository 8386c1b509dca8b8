using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrafficOrleans.GrainInterfaces.Messages;

/// <summary>
/// The one JSON configuration of every wire message (Kafka values, HTTP bodies): snake_case,
/// ISO-8601 UTC timestamps, enums as lower-case strings — readable by kcat, Python and Kafka Connect.
/// </summary>
public static class TrafficJson
{
    /// <summary>Options shared by producers, consumers and the HTTP API.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>
    /// <see cref="Options"/> for reading messages from outside: a field left out is an error rather than a silent
    /// default (a missing speed must not read as 0 km/h, a missing id as all zeros), and so is null where the
    /// record does not allow it.
    /// </summary>
    public static JsonSerializerOptions Strict { get; } = new(Options) { RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true };
}
