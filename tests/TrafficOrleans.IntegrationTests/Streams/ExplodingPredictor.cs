using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.GrainInterfaces.Messages.Validation;
using TrafficOrleans.Grains.Forecasting;
using TrafficOrleans.Grains.Roads;

namespace TrafficOrleans.IntegrationTests.Streams;

/// <summary>
/// The production predictor, except that it throws for a reading of a road named <see cref="RoadName"/>: a reading
/// that passes every value check and still fails in the grain, the case stream delivery must isolate.
/// </summary>
public sealed class ExplodingPredictor(ForecasterProvider forecasts, IOptions<MessageLimits> limits) : IRoadPredictor
{
    public const string RoadName = "explodes in the model";

    private readonly ChampionRoadPredictor _champion = new(forecasts, limits);

    public RoadPrediction Predict(IReadOnlyList<TrafficReading> window, DateTimeOffset now) =>
        window.Count > 0 && window[^1].RoadName == RoadName
            ? throw new InvalidOperationException("the model cannot handle this reading")
            : _champion.Predict(window, now);

    /// <summary>Registers it in test silos (after the production registration, so it wins).</summary>
    public sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.Services.AddSingleton<IRoadPredictor, ExplodingPredictor>();
    }
}
