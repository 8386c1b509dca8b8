using TrafficOrleans.Roads;
using TrafficOrleans.Routing.Graph;
using TrafficOrleans.Routing.Routes;
using TrafficOrleans.Routing.Weights;

namespace TrafficOrleans.Routing.Tests;

/// <summary>
/// Hand-made diamond A→B→C and A→D→C, 1000 m per edge. A→B is jammed now and clears later; B→C is free now
/// and jams from the 10-minute forecast on; A→D→C is a steady 15 km/h (4 min per edge). C→B→A closes the loop.
/// </summary>
public class TimeDependentEtaTests
{
    private static readonly GeoPoint A = new(21.000, 105.800);
    private static readonly GeoPoint B = new(21.000, 105.810);
    private static readonly GeoPoint C = new(21.009, 105.810);
    private static readonly GeoPoint D = new(21.009, 105.800);

    private readonly WeightsSnapshot _weights;
    private readonly RoutingNetwork _network;

    public TimeDependentEtaTests()
    {
        _network = new RoutingNetwork(RoadGraphBuilder.Build([
            TestGraphs.Road("ab", "Kim Ma", A, B, 1000, 60),
            TestGraphs.Road("bc", "Lieu Giai", B, C, 1000, 60),
            TestGraphs.Road("ad", "Doi Can", A, D, 1000, 15),
            TestGraphs.Road("dc", "Van Cao", D, C, 1000, 15),
            // The way back, so all four junctions are one strongly connected (routable) component.
            TestGraphs.Road("cb", "Lieu Giai", C, B, 1000, 60),
            TestGraphs.Road("ba", "Kim Ma", B, A, 1000, 60),
        ]));
        _weights = WeightsSnapshot.FreeFlow(_network, TestGraphs.T0).ApplyPredictions(
            [
                // km/h now, +10, +20, +30. 12 km/h = 5 min, 60 = 1 min, 30 = 2 min, 6 = 10 min per 1000 m.
                new RoadSpeedForecast("ab", 12, 60, 30, 30),
                new RoadSpeedForecast("bc", 60, 6, 30, 30),
                new RoadSpeedForecast("ad", 15, 15, 15, 15),
                new RoadSpeedForecast("dc", 15, 15, 15, 15),
            ],
            TestGraphs.T0.AddSeconds(1)).Snapshot;
    }

    [Fact]
    public void Leaving_now_takes_the_steady_road_because_the_fast_one_jams_by_the_time_you_reach_it()
    {
        // Via B: A→B entered at 0 min uses "now" (5 min); B→C entered at exactly 5 min uses +10 (10 min) = 15 min.
        // Via D: 4 + 4 = 8 min. Static current speeds would have said B (5 + 1 = 6 min).
        var result = Recommend(TimeSpan.Zero);

        Assert.Equal(8.0, result.Recommended!.EtaMinutes, 9);
        Assert.Equal(["Doi Can", "Van Cao"], RoadNames(result.Recommended));
        Assert.Equal(2.0, result.Recommended.DistanceKm, 9);
    }

    [Fact]
    public void A_later_departure_shifts_the_forecast_window()
    {
        // Departing in 20 min: A→B entered at 20 uses +20 (2 min), B→C entered at 22 uses +20 (2 min) = 4 min.
        var result = Recommend(TimeSpan.FromMinutes(20));

        Assert.Equal(4.0, result.Recommended!.EtaMinutes, 9);
        Assert.Equal(["Kim Ma", "Lieu Giai"], RoadNames(result.Recommended));
    }

    [Fact]
    public void Departure_in_ten_minutes_uses_the_ten_minute_forecast_for_both_edges()
    {
        // A→B entered at 10 uses +10 (1 min), B→C entered at 11 uses +10 (10 min) = 11 min > 8 via D.
        var (viaB, _) = new RoutePlanner().Plan(_weights, Node(A), Node(C), 10, alternatives: 0);

        Assert.Equal(8.0, viaB!.EtaMinutes, 9);
        Assert.Equal(11.0, ReferenceDijkstraVia(10), 9);
    }

    [Fact]
    public void Congestion_summary_names_the_worst_stretch_and_its_delay_versus_free_flow()
    {
        // Free flow on Kim Ma is 60 km/h (1 min); now 12 km/h (5 min): +4 min at speed ratio 0.2 = severe.
        var (best, _) = new RoutePlanner().Plan(_weights, Node(A), Node(B), 0, alternatives: 0);

        Assert.Equal("Severe on Kim Ma, +4 min", best!.CongestionSummary);
        Assert.Equal(4.0, best.WorstStretch!.DelayMinutes, 9);
    }

    [Fact]
    public void Free_flowing_route_is_reported_clear()
    {
        var (best, _) = new RoutePlanner().Plan(_weights, Node(A), Node(D), 0, alternatives: 0);

        Assert.Equal("Clear, no notable delays", best!.CongestionSummary);
    }

    [Fact]
    public void Eta_range_spans_the_roads_speed_ranges_at_the_horizon_each_road_is_reached()
    {
        // Departing in 10 min via D (8 min; via B 11): A→D entered at 10 and D→C at 14, both on the +10 forecast
        // (15 km/h, 4 min each). +10 ranges: Doi Can 10–20 km/h (6 / 3 min), Van Cao 12–30 km/h (5 / 2 min).
        // The +20/+30 ranges are wild, so using another bucket would show.
        var weights = _weights.ApplyPredictions(
            [
                new RoadSpeedForecast("ad", 15, 15, 15, 15, new SpeedInterval(10, 20, 1, 200, 1, 200)),
                new RoadSpeedForecast("dc", 15, 15, 15, 15, new SpeedInterval(12, 30, 1, 200, 1, 200)),
            ],
            TestGraphs.T0.AddSeconds(2)).Snapshot;

        var (best, _) = new RoutePlanner().Plan(weights, Node(A), Node(C), 10, alternatives: 0);

        Assert.NotNull(best);
        Assert.Equal(["Doi Can", "Van Cao"], RoadNames(best));
        Assert.Equal(8.0, best.EtaMinutes, 6);
        Assert.Equal(3.0 + 2.0, best.EtaLowMinutes, 6);
        Assert.Equal(6.0 + 5.0, best.EtaHighMinutes, 6);
    }

    [Fact]
    public void Route_over_roads_without_ranges_has_low_equal_high_equal_eta()
    {
        var (best, alternatives) = new RoutePlanner().Plan(_weights, Node(A), Node(C), 10, alternatives: 2);

        foreach (var route in alternatives.Prepend(best!))
        {
            Assert.Equal(route.EtaMinutes, route.EtaLowMinutes);
            Assert.Equal(route.EtaMinutes, route.EtaHighMinutes);
        }
    }

    [Fact]
    public void A_range_that_misses_the_point_forecast_is_widened_to_contain_it()
    {
        // Doi Can's +10 range 16–20 km/h lies above its 15 km/h forecast: the slow end becomes 15 (4 min).
        var weights = _weights.ApplyPredictions(
            [new RoadSpeedForecast("ad", 15, 15, 15, 15, new SpeedInterval(16, 20, 16, 20, 16, 20))], TestGraphs.T0.AddSeconds(2)).Snapshot;

        var (best, _) = new RoutePlanner().Plan(weights, Node(A), Node(C), 10, alternatives: 0);

        Assert.Equal(3.0 + 4.0, best!.EtaLowMinutes, 6);
        Assert.Equal(best.EtaMinutes, best.EtaHighMinutes, 6);
        Assert.Equal((new HorizonValues(15, 15, 15, 15), new HorizonValues(15, 20, 20, 20)), weights.SpeedRangeOf("ad"));
    }

    private RouteRecommendation Recommend(TimeSpan departure)
    {
        var result = new RoutePlanner().Recommend(_weights, A, C, departure, alternatives: 0);
        Assert.Equal(RouteQueryStatus.Found, result.Status);
        Assert.Equal(_weights.Version, result.GraphVersion);
        return result;
    }

    private double ReferenceDijkstraVia(double departure)
    {
        // Minutes along A→B→C alone, computed edge by edge with the documented buckets.
        var graph = _network.Graph;
        var ab = graph.EdgesOfRoad("ab")[0];
        var bc = graph.EdgesOfRoad("bc")[0];
        var first = _weights.EdgeTravelSeconds(ab, ForecastBuckets.BucketOf(departure)) / 60.0;
        return first + (_weights.EdgeTravelSeconds(bc, ForecastBuckets.BucketOf(departure + first)) / 60.0);
    }

    private int Node(GeoPoint p) => _network.Index.NearestNode(p, 1)!.Value.Node;

    private static string[] RoadNames(Route route) => route.Waypoints.Select(w => w.RoadName).Distinct().ToArray();
}
