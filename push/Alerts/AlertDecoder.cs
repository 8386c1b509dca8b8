using System.Text.Json;

namespace TrafficOrleans.Push.Alerts;

/// <summary>Reads a <c>traffic-notifications</c> value into a <see cref="PushAlert"/>; needs only road_id, timestamp and severity.</summary>
public static class AlertDecoder
{
    /// <summary>The alert, or false with a reason when the value is not a JSON object naming its road and time.</summary>
    public static bool TryDecode(byte[]? value, out PushAlert? alert, out string reason)
    {
        alert = null;
        if (value is null or { Length: 0 })
        {
            reason = "empty value";
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(value);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("road_id", out var road) || road.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("timestamp", out var time) || !time.TryGetDateTimeOffset(out var timestamp))
            {
                reason = "not an alert object with road_id and timestamp";
                return false;
            }

            var severity = root.TryGetProperty("severity", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "";
            alert = new PushAlert(road.GetString()!, timestamp, severity, value, JsonTree.ToDictionary(root));
            reason = "";
            return true;
        }
        catch (JsonException ex)
        {
            reason = $"malformed JSON: {ex.Message}";
            return false;
        }
    }
}
