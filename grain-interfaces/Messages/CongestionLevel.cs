using System.Text.Json.Serialization;

namespace TrafficOrleans.GrainInterfaces.Messages;

/// <summary>
/// How congested a road is, from its speed ratio (current / free-flow) and HERE jam factor.
/// The dashboard colours these green / yellow / orange / red.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<CongestionLevel>))]
public enum CongestionLevel
{
    /// <summary>speed ratio ≥ 0.75 and jam factor &lt; 4.</summary>
    [JsonStringEnumMemberName("free")] Free = 0,

    /// <summary>speed ratio in [0.5, 0.75) or jam factor in [4, 7).</summary>
    [JsonStringEnumMemberName("moderate")] Moderate = 1,

    /// <summary>speed ratio in [0.25, 0.5) or jam factor in [7, 9).</summary>
    [JsonStringEnumMemberName("heavy")] Heavy = 2,

    /// <summary>speed ratio &lt; 0.25 or jam factor ≥ 9 (standstill or closed).</summary>
    [JsonStringEnumMemberName("severe")] Severe = 3,
}
