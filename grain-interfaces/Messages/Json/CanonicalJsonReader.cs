using System.Text.Json;

namespace TrafficOrleans.GrainInterfaces.Messages.Json;

/// <summary>
/// Reads a message type in the form our producers write it — every field once, names exactly as written, values of
/// the declared JSON type — without the serializer's reflection: one pass of <see cref="Utf8JsonReader"/> and the
/// record's constructor. Every consumer of <c>traffic-raw</c> and <c>traffic-predictions</c> decodes every message (at
/// 10,000 readings/s that is 40,000 decodes a second), and the serializer took ~8 % of the silo's CPU doing it.
/// <para>
/// Anything else (another casing, an unknown or repeated field, a missing or null one, a number written as a string,
/// bad JSON) gives null, and the caller hands the message to the serializer as before, so what is accepted, what is
/// rejected and every error message stay exactly the serializer's (<c>CanonicalJsonReadersTests</c> compares the two
/// on thousands of damaged messages).
/// </para>
/// </summary>
public abstract class CanonicalJsonReader<T> where T : class
{
    /// <summary>
    /// The value when <paramref name="utf8Json"/> holds exactly one, in canonical form; null otherwise. Never throws.
    /// A value read here is the value <see cref="JsonSerializer"/> reads with <see cref="TrafficJson.Options"/> or
    /// <see cref="TrafficJson.Strict"/>.
    /// </summary>
    public T? TryRead(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            var value = ReadObject(ref reader);
            return value is not null && !reader.Read() ? value : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Reads the object whose start the reader is on, up to its end; null at the first thing out of the canonical form.</summary>
    protected abstract T? ReadObject(ref Utf8JsonReader reader);
}
