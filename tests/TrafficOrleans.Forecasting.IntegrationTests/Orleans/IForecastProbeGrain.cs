using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Forecasting.IntegrationTests.Orleans;

/// <summary>Stands in for RoadGrain: forecasts through the silo's provider exactly as a road grain will.</summary>
public interface IForecastProbeGrain : IGrainWithStringKey
{
    Task<RoadPrediction> PredictAsync(IReadOnlyList<TrafficReading> recent);
}
