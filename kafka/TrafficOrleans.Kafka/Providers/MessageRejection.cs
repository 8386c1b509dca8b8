namespace TrafficOrleans.Kafka.Providers;

/// <summary>Why a consumed message cannot become a stream event: a category for metrics and a reason for people.</summary>
public sealed record MessageRejection(string Category, string Reason);
