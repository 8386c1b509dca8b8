using System.Net;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;
using Orleans.Storage;
using TrafficOrleans.Grains;
using TrafficOrleans.Grains.Hosting;
using TrafficOrleans.Storage.Hosting;

namespace TrafficOrleans.Silo.Hosting;

/// <summary>The Orleans side of the host: clustering by profile, ADO.NET grain storage and reminders, dashboard.</summary>
public static class OrleansHostingExtensions
{
    /// <summary>ADO.NET invariant name of Npgsql.</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>Hosts an Orleans silo in this application.</summary>
    public static IHostApplicationBuilder AddTrafficOrleans(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<TrafficSiloOptions>()
            .BindConfiguration(TrafficSiloOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.UseOrleans(silo => silo.ConfigureTrafficSilo(builder.Configuration));
        return builder;
    }

    /// <summary>
    /// Everything a TrafficOrleans silo needs, shared by the host and the Orleans test clusters so that
    /// tests run the production configuration.
    /// </summary>
    public static ISiloBuilder ConfigureTrafficSilo(this ISiloBuilder silo, IConfiguration configuration, bool clustering = true)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var options = configuration.GetSection(TrafficSiloOptions.SectionName).Get<TrafficSiloOptions>() ?? new TrafficSiloOptions();
        var postgres = StorageConnectionStrings.Postgres(configuration);

        if (clustering)
        {
            if (options.Profile == OrleansProfile.Cluster)
            {
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = PostgresInvariant;
                    o.ConnectionString = postgres;
                });
                if (options.UsesKubernetesHosting(Environment.GetEnvironmentVariable))
                {
                    // Membership stays in PostgreSQL; the pod supplies identity and address, and a deleted pod's
                    // silo is declared dead without waiting for the probes.
                    silo.UseKubernetesHosting();
                    silo.Configure<EndpointOptions>(o =>
                    {
                        o.SiloPort = options.SiloPort;
                        o.GatewayPort = options.GatewayPort;
                    });
                }
                else
                {
                    silo.Configure<ClusterOptions>(o =>
                    {
                        o.ClusterId = options.ClusterId;
                        o.ServiceId = options.ServiceId;
                    });
                    silo.ConfigureEndpoints(AdvertisedAddress(options), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
                }
            }
            else
            {
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
            }
        }

        silo.AddAdoNetGrainStorage(GrainStorageNames.Traffic, o =>
        {
            o.Invariant = PostgresInvariant;
            o.ConnectionString = postgres;
        });
        // Orleans' binary serializer instead of the default Newtonsoft JSON: road state is written thousands of
        // times a second and JSON cost 15 % of the silo's CPU in the streams benchmark. The state only caches
        // what traffic_data already holds in readable form.
        silo.Services.AddOptions<AdoNetGrainStorageOptions>(GrainStorageNames.Traffic)
            .Configure<Serializer, IGrainStorageSerializer>((o, serializer, json) => o.GrainStorageSerializer = new BinaryGrainStateSerializer(serializer, json));
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = PostgresInvariant;
            o.ConnectionString = postgres;
        });
        silo.AddTrafficStreams(configuration);
        silo.Services.AddTrafficGrains();
        silo.Services.AddTrafficTrainingJobs();
        silo.AddDashboard();
        return silo;
    }

    private static IPAddress AdvertisedAddress(TrafficSiloOptions options)
    {
        var configured = options.AdvertisedAddress ?? Environment.GetEnvironmentVariable("POD_IP");
        if (!string.IsNullOrWhiteSpace(configured)) return IPAddress.Parse(configured);
        return Dns.GetHostAddresses(Dns.GetHostName())
            .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? IPAddress.Loopback;
    }
}
