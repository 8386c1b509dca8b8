using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using TrafficOrleans.Forecasting;
using TrafficOrleans.Grains.Forecasting;
using TrafficOrleans.IntegrationTests.Orleans;

namespace TrafficOrleans.Forecasting.IntegrationTests.Orleans;

/// <summary>The production silo configuration (forecasting included), polling the registry grain every 100 ms.</summary>
public sealed class ForecastingSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        new TrafficSiloConfigurator().Configure(siloBuilder);
        siloBuilder.Services.Configure<ForecastingOptions>(o => o.ChampionPollInterval = TimeSpan.FromMilliseconds(100));
    }
}
