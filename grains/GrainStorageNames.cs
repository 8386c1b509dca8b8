namespace TrafficOrleans.Grains;

/// <summary>Names of the Orleans grain storage providers the grains use.</summary>
public static class GrainStorageNames
{
    /// <summary>ADO.NET grain storage on the product's PostgreSQL database.</summary>
    public const string Traffic = "traffic";
}
