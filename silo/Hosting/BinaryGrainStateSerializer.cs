using Orleans.Serialization;
using Orleans.Storage;

namespace TrafficOrleans.Silo.Hosting;

/// <summary>
/// Writes grain state with Orleans' binary serializer and still reads state written before the product
/// switched to it (Newtonsoft JSON, the ADO.NET provider's default), so an existing database keeps working:
/// each such state is rewritten in binary on its grain's next save.
/// </summary>
public sealed class BinaryGrainStateSerializer(Serializer serializer, IGrainStorageSerializer legacyJson) : IGrainStorageSerializer
{
    private readonly OrleansGrainStorageSerializer _binary = new(serializer);

    /// <inheritdoc />
    public BinaryData Serialize<T>(T? input) => _binary.Serialize(input);

    /// <inheritdoc />
    public T? Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return IsJsonObject(input.ToMemory().Span) ? legacyJson.Deserialize<T>(input) : _binary.Deserialize<T>(input);
    }

    // Newtonsoft writes an object; Orleans' binary format never starts with "{" followed by a quoted property name.
    private static bool IsJsonObject(ReadOnlySpan<byte> payload)
    {
        var text = payload.TrimStart(" \t\r\n"u8);
        if (text.IsEmpty || text[0] != (byte)'{') return false;
        var rest = text[1..].TrimStart(" \t\r\n"u8);
        return rest.IsEmpty || rest[0] is (byte)'"' or (byte)'}';
    }
}
