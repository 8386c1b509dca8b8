using TrafficOrleans.Grains.Forecasting;
using TrafficOrleans.Silo.Forecasting;
using TrafficOrleans.Storage.Postgres;

namespace TrafficOrleans.Silo.Hosting;

/// <summary>Training jobs on a silo: the status table, the job logic behind the scheduler grain's port and its runner.</summary>
public static class TrainingJobsHostingExtensions
{
    /// <summary>Adds training jobs (part of every TrafficOrleans silo, test silos included).</summary>
    public static IServiceCollection AddTrafficTrainingJobs(this IServiceCollection services)
    {
        services.AddSingleton<ITrainingJobStore, TrainingJobStore>();
        services.AddSingleton<TrainingJobs>();
        services.AddSingleton<ITrainingJobs>(sp => sp.GetRequiredService<TrainingJobs>());
        services.AddHostedService<TrainingJobRunner>();
        return services;
    }
}
