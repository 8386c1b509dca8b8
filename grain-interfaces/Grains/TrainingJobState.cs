namespace TrafficOrleans.GrainInterfaces.Grains;

/// <summary>Lifecycle of a training job.</summary>
public enum TrainingJobState
{
    /// <summary>Loading history or training.</summary>
    Running,

    /// <summary>Finished; the outcome says whether the candidate was promoted.</summary>
    Succeeded,

    /// <summary>Stopped by an error (the outcome holds the message).</summary>
    Failed,
}
