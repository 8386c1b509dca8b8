using System.Text.Json;

namespace TrafficOrleans.GrainInterfaces.Messages.Json;

/// <summary>
/// The steps of a canonical read (<see cref="CanonicalJsonReader{T}"/>). Each reads the value the reader is on with
/// the very <see cref="Utf8JsonReader"/> call the serializer's own converter makes, and says false where that converter
/// would not give the same value, so the caller hands the message to the serializer instead.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>
    /// Moves to the next property of the object being read: true with its unescaped name and the reader on its value;
    /// false at the object's end (the reader on <see cref="JsonTokenType.EndObject"/>) or at anything else.
    /// </summary>
    public static bool NextProperty(ref Utf8JsonReader reader, out ReadOnlySpan<byte> name)
    {
        name = default;
        if (!reader.Read()) return false;
        if (reader.TokenType != JsonTokenType.PropertyName || reader.ValueIsEscaped || reader.HasValueSequence) return false;
        name = reader.ValueSpan;
        return reader.Read();
    }

    /// <summary>A JSON number that is a finite double.</summary>
    public static bool Number(ref Utf8JsonReader reader, out double value)
    {
        value = 0;
        return reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out value);
    }

    /// <summary>A JSON number, or null.</summary>
    public static bool NumberOrNull(ref Utf8JsonReader reader, out double? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (!Number(ref reader, out var number)) return false;
        value = number;
        return true;
    }

    /// <summary>A JSON string (never null).</summary>
    public static bool Text(ref Utf8JsonReader reader, out string value)
    {
        value = "";
        if (reader.TokenType != JsonTokenType.String) return false;
        value = reader.GetString()!;
        return true;
    }

    /// <summary>A string holding a GUID.</summary>
    public static bool Identifier(ref Utf8JsonReader reader, out Guid value)
    {
        value = default;
        return reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out value);
    }

    /// <summary>A string holding an ISO 8601 time.</summary>
    public static bool Instant(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        value = default;
        return reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out value);
    }

    /// <summary>true or false.</summary>
    public static bool Flag(ref Utf8JsonReader reader, out bool value)
    {
        value = reader.TokenType == JsonTokenType.True;
        return reader.TokenType is JsonTokenType.True or JsonTokenType.False;
    }

    /// <summary>
    /// The index of <paramref name="name"/> in <paramref name="fields"/>, marking it read in <paramref name="seen"/>;
    /// -1 for a name not among them (exactly) or read already (a repeated field).
    /// </summary>
    public static int Field(ReadOnlySpan<byte> name, byte[][] fields, ref int seen)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (!name.SequenceEqual(fields[i])) continue;
            if ((seen & (1 << i)) != 0) return -1;
            seen |= 1 << i;
            return i;
        }

        return -1;
    }

    /// <summary>True when the reader is at the object's end and the first <paramref name="required"/> fields were all read.</summary>
    public static bool Complete(ref Utf8JsonReader reader, int seen, int required) =>
        reader.TokenType == JsonTokenType.EndObject && (seen & ((1 << required) - 1)) == (1 << required) - 1;

    /// <summary>An object of exactly <paramref name="fields"/>, every one a number, into <paramref name="values"/> (in the fields' order).</summary>
    public static bool Numbers(ref Utf8JsonReader reader, byte[][] fields, scoped Span<double> values)
    {
        if (reader.TokenType != JsonTokenType.StartObject) return false;
        var seen = 0;
        while (NextProperty(ref reader, out var name))
        {
            var field = Field(name, fields, ref seen);
            if (field < 0 || !Number(ref reader, out values[field])) return false;
        }

        return Complete(ref reader, seen, fields.Length);
    }
}
