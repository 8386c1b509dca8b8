using Microsoft.Extensions.Options;
using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.History;
using TrafficOrleans.Forecasting.Serving;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Ingest;
using TrafficOrleans.Ingest.Preprocessing;
using TrafficOrleans.Ingest.Simulation;
using TrafficOrleans.Roads.Synthetic;

namespace TrafficOrleans.Forecasting.Tests;

/// <summary>
/// A served model must see exactly what it was trained on. Training lays the source's history on the dataset grid
/// and averages neighbour ratios over the road graph; serving gets the readings one road at a time, each carrying
/// the <c>neighbour_ratio</c> ingestion set for its tick. For every road and step the two inputs must be equal
/// bit for bit — a difference would be train/serve skew that no offline metric shows.
/// </summary>
public sealed class TrainServeParityTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddHours(6);

    [Fact]
    public async Task Serving_inputs_equal_training_inputs_for_every_road_and_step()
    {
        using var meters = new TestMeterFactory();
        var preprocessor = new ReadingPreprocessor(Options.Create(new IngestOptions()), new IngestMetrics(meters));
        var source = SimulatorTrafficSource.Create(new SimulatorOptions { City = new SyntheticCityOptions { GridSize = 5 } }, preprocessor);
        Assert.NotNull(source.Adjacency);

        var dataset = await TrainingDataLoader.FromSourceAsync(source, From, To);
        var served = await IngestedReadingsAsync(source);

        var trainSpeeds = new float[ForecastHorizons.WindowSteps];
        var trainRatios = new float[ForecastHorizons.WindowSteps];
        var serveSpeeds = new float[ForecastHorizons.WindowSteps];
        var serveRatios = new float[ForecastHorizons.WindowSteps];
        var compared = 0;
        var withNeighbours = 0;
        foreach (var road in dataset.Roads)
        {
            var readings = served[road.RoadId];
            for (var t = 0; t < dataset.Length; t++)
            {
                var window = readings.Where(r => r.Timestamp <= dataset.TimeAt(t)).TakeLast(ForecastHorizons.WindowSteps).ToList();
                WindowBuilder.Fill(road, t, trainSpeeds, trainRatios);
                ReadingWindowForecast.Fill(window, serveSpeeds, serveRatios);

                Assert.Equal(trainSpeeds, serveSpeeds);
                Assert.Equal(trainRatios, serveRatios);
                compared++;
                if (!float.IsNaN(serveRatios[^1])) withNeighbours++;
            }
        }

        // The comparison must have covered real neighbour values, not only NaN against NaN.
        Assert.True(withNeighbours > compared / 2, $"{withNeighbours} of {compared} windows had a neighbour ratio");
    }

    /// <summary>What road grains receive: each tick annotated the way the ingestion runner and back-fill do it.</summary>
    private static async Task<Dictionary<string, List<TrafficReading>>> IngestedReadingsAsync(SimulatorTrafficSource source)
    {
        var byRoad = new Dictionary<string, List<TrafficReading>>(StringComparer.Ordinal);
        await foreach (var batch in source.ReadRangeAsync(From, To, ForecastHorizons.Step, CancellationToken.None))
        {
            foreach (var reading in NeighbourRatios.Annotate(batch, source.Adjacency).Readings)
            {
                if (!byRoad.TryGetValue(reading.RoadId, out var list)) byRoad[reading.RoadId] = list = [];
                list.Add(reading);
            }
        }

        return byRoad;
    }
}
