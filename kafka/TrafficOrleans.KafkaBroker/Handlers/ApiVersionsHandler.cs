using TrafficOrleans.KafkaBroker.Protocol;

namespace TrafficOrleans.KafkaBroker.Handlers;

/// <summary>ApiVersions 0–3. The response header is always v0; the v3 body is flexible.</summary>
internal static class ApiVersionsHandler
{
    private const short FirstFlexibleVersion = 3;

    public static void Handle(short version, ResponseWriter writer)
    {
        if (!ApiVersionTable.IsSupported(ApiKey.ApiVersions, version))
        {
            // Unknown (newer) version: answer in v0 format with only our ApiVersions range.
            writer.WriteInt16(ErrorCode.UnsupportedVersion);
            writer.WriteArrayLength(1);
            WriteRange(writer, ApiVersionTable.Supported.Single(s => s.Key == ApiKey.ApiVersions), flexible: false);
            return;
        }

        var flexible = version >= FirstFlexibleVersion;
        writer.WriteInt16(ErrorCode.None);
        if (flexible)
        {
            writer.WriteUnsignedVarInt((uint)ApiVersionTable.Supported.Length + 1);
        }
        else
        {
            writer.WriteArrayLength(ApiVersionTable.Supported.Length);
        }

        foreach (var range in ApiVersionTable.Supported)
        {
            WriteRange(writer, range, flexible);
        }

        if (version >= 1)
        {
            writer.WriteInt32(0);
        }

        if (flexible)
        {
            writer.WriteUnsignedVarInt(0);
        }
    }

    private static void WriteRange(ResponseWriter writer, (ApiKey Key, short Min, short Max) range, bool flexible)
    {
        writer.WriteInt16((short)range.Key);
        writer.WriteInt16(range.Min);
        writer.WriteInt16(range.Max);
        if (flexible)
        {
            writer.WriteUnsignedVarInt(0);
        }
    }
}
