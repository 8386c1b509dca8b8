namespace TrafficOrleans.Forecasting.Models;

/// <summary>Reads the framing <see cref="NetworkForecaster{TNetwork}.Save"/> writes, in the same order.</summary>
internal static class NetworkArtefact
{
    /// <summary>Checks the format number and returns the version.</summary>
    public static string ReadVersion(BinaryReader reader, int format, string modelName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.ReadInt32() != format)
        {
            throw new InvalidDataException($"Unknown {modelName} format.");
        }

        return reader.ReadString();
    }

    /// <summary>The trailing weight vector of <paramref name="count"/> float32.</summary>
    public static float[] ReadParameters(BinaryReader reader, int count)
    {
        var p = new float[count];
        for (var i = 0; i < p.Length; i++)
        {
            p[i] = reader.ReadSingle();
        }

        return p;
    }
}
