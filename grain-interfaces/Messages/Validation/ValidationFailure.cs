namespace TrafficOrleans.GrainInterfaces.Messages.Validation;

/// <summary>Why a message's values are not acceptable: a category for metrics and dead-letter headers, a reason for people.</summary>
public sealed record ValidationFailure(string Category, string Reason);
