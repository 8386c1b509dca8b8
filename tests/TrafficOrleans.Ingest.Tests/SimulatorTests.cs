using TrafficOrleans.Ingest.Simulation;
using TrafficOrleans.Roads.Here;

namespace TrafficOrleans.Ingest.Tests;

public class SimulatorTests
{
    // 2025-10-15 is a Wednesday, 2025-10-18 a Saturday.
    private static readonly DateTimeOffset WednesdayMorningRush = TestData.Hanoi(2025, 10, 15, 8);
    private static readonly DateTimeOffset WednesdayMidday = TestData.Hanoi(2025, 10, 15, 12, 30);
    private static readonly DateTimeOffset WednesdayNight = TestData.Hanoi(2025, 10, 15, 3);
    private static readonly DateTimeOffset WednesdayEveningRush = TestData.Hanoi(2025, 10, 15, 18);
    private static readonly DateTimeOffset SaturdayMorning = TestData.Hanoi(2025, 10, 18, 8);

    [Fact]
    public async Task Weekday_rush_hours_dip_and_weekends_are_lighter()
    {
        var source = Simulator(new SimulatorOptions { IncidentsPerHour = 0 });

        var rush = await MeanRatio(source, WednesdayMorningRush);
        var evening = await MeanRatio(source, WednesdayEveningRush);
        var midday = await MeanRatio(source, WednesdayMidday);
        var night = await MeanRatio(source, WednesdayNight);
        var weekend = await MeanRatio(source, SaturdayMorning);

        Assert.True(rush < midday - 0.2, $"morning rush {rush:0.00} vs midday {midday:0.00}");
        Assert.True(evening < midday - 0.2, $"evening rush {evening:0.00} vs midday {midday:0.00}");
        Assert.True(night > 0.9, $"night {night:0.00}");
        Assert.True(weekend > rush + 0.2, $"Saturday 08:00 {weekend:0.00} vs Wednesday 08:00 {rush:0.00}");
        var rushBatch = await source.PollAsync(WednesdayMorningRush, CancellationToken.None);
        Assert.All(rushBatch.Readings, r => Assert.True(r.IsRushHour));
        // Arterials (class 1–2) jam harder than local streets at rush hour.
        var roads = source.Model.Roads.ToDictionary(r => r.RoadId);
        var arterial = rushBatch.Readings.Where(r => roads[r.RoadId].FunctionalClass <= 2).Average(r => r.SpeedRatio);
        var local = rushBatch.Readings.Where(r => roads[r.RoadId].FunctionalClass >= 4).Average(r => r.SpeedRatio);
        Assert.True(arterial < local - 0.1, $"arterial {arterial:0.00} vs local {local:0.00}");
    }

    [Fact]
    public void Incident_slows_its_road_then_spreads_to_feeders_and_clears()
    {
        var options = new SimulatorOptions { IncidentsPerHour = 0, SpreadHops = 2, SpreadDelay = TimeSpan.FromMinutes(5) };
        var baseline = Simulator(options).Model;
        var model = Simulator(options).Model;
        var origin = model.Roads.First(r => r.FunctionalClass == 2 && model.Adjacency.FeedersOf(r.RoadId).Count >= 2).RoadId;
        var feeders = model.Adjacency.FeedersOf(origin);
        var secondHop = feeders.SelectMany(model.Adjacency.FeedersOf).Except(feeders).Where(id => id != origin).ToList();
        var start = WednesdayMidday;
        model.AddIncident(new Incident(origin, start, TimeSpan.FromMinutes(40), 0.8));

        double Ratio(string road, double minutes) => Speed(model, road, start.AddMinutes(minutes)) / Speed(baseline, road, start.AddMinutes(minutes));

        Assert.True(Ratio(origin, 10) < 0.25, $"origin at +10 min: {Ratio(origin, 10):0.00}");
        Assert.All(feeders, f => Assert.Equal(1.0, Ratio(f, 2), 9));
        Assert.All(feeders, f => Assert.InRange(Ratio(f, 12), 0.4, 0.6));
        Assert.NotEmpty(secondHop);
        Assert.All(secondHop, f => Assert.Equal(1.0, Ratio(f, 7), 9));
        Assert.All(secondHop, f => Assert.InRange(Ratio(f, 15), 0.6, 0.8));
        // Clearing: the origin recovers gradually over the last 40% and is back to normal at the end.
        Assert.True(Ratio(origin, 25) < Ratio(origin, 32));
        Assert.True(Ratio(origin, 32) < Ratio(origin, 38));
        Assert.Equal(1.0, Ratio(origin, 40.5), 9);
        Assert.All(feeders.Concat(secondHop), f => Assert.Equal(1.0, Ratio(f, 51), 9));
        var unrelated = model.Roads.Select(r => r.RoadId).Except(feeders).Except(secondHop).Where(id => id != origin).First();
        Assert.Equal(1.0, Ratio(unrelated, 12), 9);
    }

    [Fact]
    public void Random_incidents_happen_and_slow_their_road()
    {
        var options = new SimulatorOptions { IncidentsPerHour = 20 };
        var model = Simulator(options).Model;
        var quiet = Simulator(new SimulatorOptions { IncidentsPerHour = 0 }).Model;

        var incidents = Enumerable.Range(0, 24).SelectMany(h => model.IncidentsAffecting(WednesdayNight.AddHours(h))).Distinct().ToList();

        Assert.InRange(incidents.Count, 100, 2000);
        var incident = incidents.First(i => i.Duration > TimeSpan.FromMinutes(25));
        var during = incident.Start.AddMinutes(10);
        Assert.True(Speed(model, incident.RoadId, during) < 0.5 * Speed(quiet, incident.RoadId, during));
    }

    [Fact]
    public void Deviations_from_the_weekly_profile_persist_for_tens_of_minutes_and_are_shared_by_neighbours()
    {
        var options = new SimulatorOptions { IncidentsPerHour = 0 };
        var model = Simulator(options).Model;
        var now = new List<double>();
        var later = new List<double>();
        var muchLater = new List<double>();
        var ofFeeder = new List<double>();
        var ofUnrelated = new List<double>();
        var roads = model.Roads.Count;
        // Every road, at instants 47 minutes apart over a week (so every time of day and knot phase is sampled).
        for (var t = WednesdayNight; t < WednesdayNight.AddDays(7); t = t.AddMinutes(47))
        {
            for (var road = 0; road < roads; road++)
            {
                now.Add(Deviation(model, road, t));
                later.Add(Deviation(model, road, t.AddMinutes(30)));
                muchLater.Add(Deviation(model, road, t.AddHours(6)));
                var feeders = model.Adjacency.FeedersOf(model.Roads[road].RoadId);
                var neighbour = feeders.Count > 0 ? model.IndexOf(feeders[0]) : road;
                ofFeeder.Add(Deviation(model, neighbour, t));
                ofUnrelated.Add(Deviation(model, (road + (roads / 2)) % roads, t));
            }
        }

        var std = Math.Sqrt(now.Average(d => d * d) - Math.Pow(now.Average(), 2));
        Assert.InRange(std, 0.5 * options.Noise, 2 * options.Noise);
        var in30Minutes = Correlation(now, later);
        Assert.InRange(in30Minutes, 0.5, 0.95);
        Assert.True(Correlation(now, muchLater) < 0.3, $"6 h later: {Correlation(now, muchLater):0.00}");
        var nearby = Correlation(now, ofFeeder);
        var faraway = Correlation(now, ofUnrelated);
        Assert.True(nearby > faraway + 0.15, $"feeder {nearby:0.00} vs unrelated road {faraway:0.00}");
    }

    [Fact]
    public async Task Same_seed_gives_identical_readings_and_another_seed_does_not()
    {
        var a = await Simulator(new SimulatorOptions { Seed = 7 }).PollAsync(WednesdayMorningRush, CancellationToken.None);
        var b = await Simulator(new SimulatorOptions { Seed = 7 }).PollAsync(WednesdayMorningRush, CancellationToken.None);
        var c = await Simulator(new SimulatorOptions { Seed = 8 }).PollAsync(WednesdayMorningRush, CancellationToken.None);

        Assert.Equal(a.Readings, b.Readings);
        Assert.NotEqual(a.Readings.Select(r => r.CurrentSpeed), c.Readings.Select(r => r.CurrentSpeed));
        Assert.Equal(a.Readings.Select(r => r.EventId), c.Readings.Select(r => r.EventId));
    }

    [Fact]
    public async Task Back_fill_of_a_day_gives_one_batch_per_interval_for_every_road()
    {
        var source = Simulator(new SimulatorOptions());
        var from = new DateTimeOffset(2025, 10, 14, 17, 0, 0, TimeSpan.Zero);
        var batches = new List<TrafficBatch>();
        await foreach (var batch in source.ReadRangeAsync(from, from.AddDays(1), TimeSpan.FromMinutes(5), CancellationToken.None)) batches.Add(batch);

        Assert.Equal(288, batches.Count);
        Assert.All(batches, b => Assert.Equal(source.Model.Roads.Count, b.Readings.Count));
        Assert.All(batches, b => Assert.Empty(b.Rejected));
        Assert.Equal(from.AddMinutes(5 * 287), batches[^1].ObservedAt);
        Assert.Equal(288 * source.Model.Roads.Count, batches.SelectMany(b => b.Readings).Select(r => r.EventId).Distinct().Count());
    }

    [SkippableFact]
    public async Task Simulates_the_road_set_of_a_saved_HERE_response_with_its_road_ids()
    {
        var path = TestData.RequireHereFixture();
        var source = Simulator(new SimulatorOptions { RoadNetworkPath = path });

        var batch = await source.PollAsync(WednesdayMorningRush, CancellationToken.None);

        Assert.Equal(772, batch.Readings.Count);
        Assert.Equal(HereRoadNetwork.ToSegments(HereRoadNetwork.ReadResponse(path)).Select(s => s.RoadId), batch.Readings.Select(r => r.RoadId));
        Assert.True(source.Model.Adjacency.EdgeCount > 500);
    }

    private static SimulatorTrafficSource Simulator(SimulatorOptions options) =>
        SimulatorTrafficSource.Create(options, TestData.Preprocessor());

    private static async Task<double> MeanRatio(SimulatorTrafficSource source, DateTimeOffset at) =>
        (await source.PollAsync(at, CancellationToken.None)).Readings.Average(r => r.SpeedRatio);

    private static double Deviation(CityTrafficModel model, int road, DateTimeOffset at) =>
        model.BaselineRatio(road, at) - model.ProfileRatio(road, at);

    private static double Correlation(List<double> x, List<double> y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }

    private static double Speed(CityTrafficModel model, string roadId, DateTimeOffset at)
    {
        var speeds = new double[model.Roads.Count];
        model.SpeedsAt(at, speeds);
        return speeds[model.IndexOf(roadId)];
    }
}
