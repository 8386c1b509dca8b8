using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrafficOrleans.Api.Notifications;

/// <summary>A page of alert history, newest first; <see cref="NextCursor"/> fetches the next (older) page, null on the last.</summary>
public sealed record NotificationPage(
    [property: JsonPropertyName("items")] IReadOnlyList<JsonElement> Items,
    [property: JsonPropertyName("next_cursor")] string? NextCursor);
