namespace TrafficOrleans.Silo.Hosting;

/// <summary>How silos find each other.</summary>
public enum OrleansProfile
{
    /// <summary>One silo on this machine (localhost clustering); grain state and reminders still in PostgreSQL.</summary>
    Local,

    /// <summary>Several silos (e.g. Kubernetes pods) sharing ADO.NET membership in PostgreSQL.</summary>
    Cluster,
}
