using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;
using TrafficOrleans.Outbox.Hosting;
using TrafficOrleans.Silo.Hosting;
using TrafficOrleans.Storage.Hosting;

namespace TrafficOrleans.IntegrationTests.Orleans;

/// <summary>Test silos get the production silo configuration (ADO.NET storage and reminders on PostgreSQL, Redis, the outbox relay).</summary>
public sealed class TrafficSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.Services.AddTrafficStorage(siloBuilder.Configuration);
        // Road grains publish their predictions through the outbox, as in the host.
        siloBuilder.Services.AddTrafficOutbox(siloBuilder.Configuration);
        siloBuilder.ConfigureTrafficSilo(siloBuilder.Configuration, clustering: false);
        // Reminders normally tick at most once a minute; the test lowers the floor to see one fire.
        siloBuilder.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
    }
}
