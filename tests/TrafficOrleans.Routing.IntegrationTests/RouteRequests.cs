using System.Net.Http.Json;
using System.Text.Json;

namespace TrafficOrleans.Routing.IntegrationTests;

/// <summary>Calls <c>POST /route/recommend</c> the way a client would.</summary>
public static class RouteRequests
{
    public static Task<HttpResponseMessage> RecommendAsync(HttpClient http, (double Lat, double Lng) origin, (double Lat, double Lng) destination, string departure = "now") =>
        http.PostAsJsonAsync("/route/recommend", new
        {
            origin = new { lat = origin.Lat, lng = origin.Lng },
            destination = new { lat = destination.Lat, lng = destination.Lng },
            departure_time = departure,
        });

    public static async Task<JsonElement> RecommendOkAsync(HttpClient http, (double Lat, double Lng) origin, (double Lat, double Lng) destination)
    {
        using var response = await RecommendAsync(http, origin, destination);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The recommended route's geometry as one comparable string.</summary>
    public static string Geometry(JsonElement route) =>
        string.Join(';', route.GetProperty("waypoints").EnumerateArray().Select(w => $"{w.GetProperty("lat").GetDouble():F6},{w.GetProperty("lng").GetDouble():F6}"));
}
