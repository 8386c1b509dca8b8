using System.Globalization;

namespace TrafficOrleans.KafkaBroker.Host;

/// <summary>Command-line parsing for the standalone broker.</summary>
internal static class BrokerArguments
{
    public const string Usage =
        "Usage: --port <n> --host <address> --data <dir> (omit for in-memory) --partitions <n> "
        + "--fsync always|interval --rebalance-delay-ms <n> --advertised-host <name>";

    public static KafkaBrokerOptions Parse(string[] args)
    {
        var options = new KafkaBrokerOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--port":
                    options.Port = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--host":
                    options.Host = value;
                    break;
                case "--advertised-host":
                    options.AdvertisedHost = value;
                    break;
                case "--data":
                    options.DataDirectory = Path.GetFullPath(value);
                    break;
                case "--partitions":
                    options.DefaultPartitions = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--fsync":
                    options.FsyncPolicy = Enum.Parse<FsyncPolicy>(value, ignoreCase: true);
                    break;
                case "--rebalance-delay-ms":
                    options.InitialRebalanceDelay = TimeSpan.FromMilliseconds(int.Parse(value, CultureInfo.InvariantCulture));
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. {Usage}");
            }
        }

        return options;
    }
}
