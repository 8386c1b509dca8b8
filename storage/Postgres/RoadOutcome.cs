using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Storage.Postgres;

/// <summary>A reading a road grain applied and the prediction it made from it: one row in each table.</summary>
public readonly record struct RoadOutcome(TrafficReading Reading, RoadPrediction Prediction);
