using System.Text;
using System.Text.Json;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.GrainInterfaces.Messages.Validation;

namespace TrafficOrleans.GrainInterfaces.Tests;

/// <summary>The one definition of a sensible reading, as the stream decoder, ingest and the consumers apply it.</summary>
public sealed class TrafficReadingRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 4, 0, 0, TimeSpan.Zero);
    private static readonly MessageLimits Limits = new();

    private static TrafficReading Good() => new(
        Guid.NewGuid(), Now.AddMinutes(-5), "hanoi_rd_1", "Pho Kim Ma", 25, 50, 3, CongestionLevel.Moderate, 0.5, false, new Coordinates(21.03, 105.82));

    [Fact]
    public void A_plausible_reading_passes() => Assert.Null(TrafficReadingRules.Check(Good(), Limits, Now));

    [Theory]
    [InlineData(double.PositiveInfinity, "not-a-number")]
    [InlineData(double.NaN, "not-a-number")]
    [InlineData(-1_000_000, "negative-speed")]
    [InlineData(99_999, "absurd-speed")]
    [InlineData(1e12, "absurd-speed")]
    public void Impossible_speeds_are_rejected(double speed, string category) =>
        Assert.Equal(category, TrafficReadingRules.Check(Good() with { CurrentSpeed = speed }, Limits, Now)?.Category);

    [Fact]
    public void Timestamps_in_year_1_1970_or_9999_are_rejected()
    {
        Assert.Equal("timestamp-out-of-range", TrafficReadingRules.Check(Good() with { Timestamp = DateTimeOffset.MinValue }, Limits, Now)?.Category);
        Assert.Equal("timestamp-out-of-range", TrafficReadingRules.Check(Good() with { Timestamp = DateTimeOffset.UnixEpoch }, Limits, Now)?.Category);
        Assert.Equal("timestamp-out-of-range", TrafficReadingRules.Check(Good() with { Timestamp = new DateTimeOffset(9999, 1, 1, 0, 0, 0, TimeSpan.Zero) }, Limits, null)?.Category);
    }

    [Fact]
    public void A_timestamp_far_ahead_of_now_is_rejected_unless_the_check_is_off()
    {
        var ahead = Good() with { Timestamp = Now.AddDays(3) };
        Assert.Equal("timestamp-in-future", TrafficReadingRules.Check(ahead, Limits, Now)?.Category);
        Assert.Null(TrafficReadingRules.Check(ahead, new MessageLimits { MaxAheadOfNow = null }, Now));
    }

    [Fact]
    public void An_all_zero_event_id_and_control_characters_in_ids_are_rejected()
    {
        Assert.Equal("missing-event-id", TrafficReadingRules.Check(Good() with { EventId = Guid.Empty }, Limits, Now)?.Category);
        Assert.Equal("invalid-road-id", TrafficReadingRules.Check(Good() with { RoadId = "rd\0x" }, Limits, Now)?.Category);
        Assert.Equal("invalid-road-name", TrafficReadingRules.Check(Good() with { RoadName = "a\u0007b" }, Limits, Now)?.Category);
    }

    [Fact]
    public void Jam_factor_free_flow_and_coordinates_must_be_physical()
    {
        Assert.Equal("invalid-jam-factor", TrafficReadingRules.Check(Good() with { JamFactor = 11 }, Limits, Now)?.Category);
        Assert.Equal("invalid-free-flow-speed", TrafficReadingRules.Check(Good() with { FreeFlowSpeed = 0 }, Limits, Now)?.Category);
        Assert.Equal("invalid-coordinates", TrafficReadingRules.Check(Good() with { Coordinates = new Coordinates(200, 0) }, Limits, Now)?.Category);
    }

    [Fact]
    public void Unknown_roads_are_rejected_only_under_the_reject_policy()
    {
        var known = new SetOfRoads("hanoi_rd_1");
        var stranger = Good() with { RoadId = "poison_rd_1" };
        Assert.Null(TrafficReadingRules.Check(stranger, Limits, Now, known));
        Assert.Equal("unknown-road", TrafficReadingRules.Check(stranger, new MessageLimits { UnknownRoads = UnknownRoadPolicy.Reject }, Now, known)?.Category);
        Assert.Null(TrafficReadingRules.Check(Good(), new MessageLimits { UnknownRoads = UnknownRoadPolicy.Reject }, Now, known));
    }

    [Fact]
    public void Strict_json_refuses_a_reading_with_a_missing_speed_instead_of_reading_0_kmh()
    {
        var json = JsonSerializer.Serialize(Good(), TrafficJson.Options);
        var withoutSpeed = json.Replace("\"current_speed\":25,", "", StringComparison.Ordinal);
        Assert.NotEqual(json, withoutSpeed);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TrafficReading>(Encoding.UTF8.GetBytes(withoutSpeed), TrafficJson.Strict));
        Assert.Equal(25, JsonSerializer.Deserialize<TrafficReading>(json, TrafficJson.Strict)!.CurrentSpeed);
    }

    [Fact]
    public void Coordinates_may_be_left_out()
    {
        var json = JsonSerializer.Serialize(Good() with { Coordinates = null }, TrafficJson.Options).Replace(",\"coordinates\":null", "", StringComparison.Ordinal);
        Assert.DoesNotContain("coordinates", json, StringComparison.Ordinal);
        Assert.Null(JsonSerializer.Deserialize<TrafficReading>(json, TrafficJson.Strict)!.Coordinates);
    }

    [Fact]
    public void A_message_from_before_neighbour_ratio_decodes_without_one()
    {
        var json = JsonSerializer.Serialize(Good(), TrafficJson.Options).Replace(",\"neighbour_ratio\":null", "", StringComparison.Ordinal);
        Assert.DoesNotContain("neighbour_ratio", json, StringComparison.Ordinal);
        var decoded = JsonSerializer.Deserialize<TrafficReading>(json, TrafficJson.Strict)!;
        Assert.Null(decoded.NeighbourRatio);
        Assert.Null(TrafficReadingRules.Check(decoded, Limits, Now));
    }

    [Theory]
    [InlineData(0.63, null)]
    [InlineData(0.0, null)]
    [InlineData(-0.1, "invalid-neighbour-ratio")]
    [InlineData(double.NaN, "invalid-neighbour-ratio")]
    [InlineData(double.PositiveInfinity, "invalid-neighbour-ratio")]
    public void A_neighbour_ratio_must_be_finite_and_non_negative(double ratio, string? category) =>
        Assert.Equal(category, TrafficReadingRules.Check(Good() with { NeighbourRatio = ratio }, Limits, Now)?.Category);

    private sealed class SetOfRoads(params string[] roads) : IKnownRoads
    {
        public bool Contains(string roadId) => roads.Contains(roadId);
    }
}
