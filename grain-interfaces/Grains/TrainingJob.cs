namespace TrafficOrleans.GrainInterfaces.Grains;

/// <summary>A training run started by the weekly reminder or on demand.</summary>
/// <param name="JobId">Id returned by the admin endpoint.</param>
/// <param name="Trigger">What started it (<c>schedule</c>, <c>admin</c>, …).</param>
/// <param name="State">Running, succeeded or failed.</param>
/// <param name="Percent">Progress, 0–100.</param>
/// <param name="Stage">Current stage, e.g. <c>train lgbm</c>.</param>
/// <param name="StartedAt">Start time (UTC).</param>
/// <param name="FinishedAt">End time, once finished.</param>
/// <param name="CandidateVersion">Version of the run's candidate, once known.</param>
/// <param name="Promoted">Whether the candidate became champion.</param>
/// <param name="Outcome">One line: promotion decision or error.</param>
[GenerateSerializer, Immutable]
public sealed record TrainingJob(
    [property: Id(0)] Guid JobId,
    [property: Id(1)] string Trigger,
    [property: Id(2)] TrainingJobState State,
    [property: Id(3)] double Percent,
    [property: Id(4)] string Stage,
    [property: Id(5)] DateTimeOffset StartedAt,
    [property: Id(6)] DateTimeOffset? FinishedAt,
    [property: Id(7)] string? CandidateVersion,
    [property: Id(8)] bool Promoted,
    [property: Id(9)] string? Outcome);
