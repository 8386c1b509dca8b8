using System.Text.Json;

namespace TrafficOrleans.Push.Alerts;

/// <summary>
/// Turns a JSON document into dictionaries, lists and scalars. Both hub protocols serialise those faithfully (the
/// MessagePack protocol cannot serialise a <see cref="JsonElement"/>), so an alert keeps its shape on either.
/// </summary>
public static class JsonTree
{
    /// <summary>The value of <paramref name="element"/> as plain objects.</summary>
    public static object? ToObject(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ToDictionary(element),
        JsonValueKind.Array => element.EnumerateArray().Select(ToObject).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var whole) ? whole : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>An object's properties, in document order.</summary>
    public static Dictionary<string, object?> ToDictionary(JsonElement element)
    {
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject()) properties[property.Name] = ToObject(property.Value);
        return properties;
    }
}
