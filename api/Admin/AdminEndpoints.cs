using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TrafficOrleans.Forecasting.Registry;
using TrafficOrleans.GrainInterfaces.Grains;

namespace TrafficOrleans.Api.Admin;

/// <summary><c>/admin/models</c>: the model registry and on-demand training, behind <see cref="AdminKeyFilter"/>.</summary>
public static class AdminEndpoints
{
    /// <summary>Maps the admin endpoints.</summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/admin/models").WithTags("Admin").AddEndpointFilter<AdminKeyFilter>();

        group.MapGet("/", ListModelsAsync)
            .WithName("ListModels")
            .WithSummary("Models in the registry, newest first, with their test/validation MAE and the champion flag.");

        group.MapPost("/train", StartTrainingAsync)
            .WithName("TrainModels")
            .WithSummary("Starts a training run on the last weeks of traffic_data (or returns the running one); 202 with the job.");

        group.MapGet("/jobs/{jobId:guid}", GetJobAsync)
            .WithName("GetTrainingJob")
            .WithSummary("Progress and outcome of a training job.");

        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<ModelResponse>>> ListModelsAsync(ModelRegistry registry, CancellationToken cancellationToken, int limit = 100)
    {
        var entries = await registry.ListAsync(Math.Clamp(limit, 1, 1000), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ModelResponse>>([.. entries.Select(ModelResponse.From)]);
    }

    private static async Task<Accepted<TrainingJob>> StartTrainingAsync(IGrainFactory grains)
    {
        var job = await grains.GetGrain<ITrainingSchedulerGrain>(0).StartTrainingAsync("admin");
        return TypedResults.Accepted($"/admin/models/jobs/{job.JobId}", job);
    }

    private static async Task<Results<Ok<TrainingJob>, ProblemHttpResult>> GetJobAsync(Guid jobId, IGrainFactory grains)
    {
        var job = await grains.GetGrain<ITrainingSchedulerGrain>(0).GetJobAsync(jobId);
        return job is null
            ? TypedResults.Problem(title: "Unknown job", detail: $"No training job {jobId} on the scheduler.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(job);
    }
}
