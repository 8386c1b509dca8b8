using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Grains.Forecasting;

namespace TrafficOrleans.Forecasting.IntegrationTests.Orleans;

public sealed class ForecastProbeGrain(ForecasterProvider provider) : Grain, IForecastProbeGrain
{
    public Task<RoadPrediction> PredictAsync(IReadOnlyList<TrafficReading> recent) => Task.FromResult(provider.Predict(recent));
}
