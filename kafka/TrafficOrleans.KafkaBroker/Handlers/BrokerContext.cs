using Microsoft.Extensions.Logging;
using TrafficOrleans.KafkaBroker.Groups;
using TrafficOrleans.KafkaBroker.Storage;

namespace TrafficOrleans.KafkaBroker.Handlers;

/// <summary>Broker-wide state the request handlers share.</summary>
internal sealed class BrokerContext(KafkaBrokerOptions options, TopicStore topics, GroupCoordinator groups, ILogger logger)
{
    private long _nextProducerId;

    public KafkaBrokerOptions Options { get; } = options;

    public TopicStore Topics { get; } = topics;

    public GroupCoordinator Groups { get; } = groups;

    public ILogger Logger { get; } = logger;

    /// <summary>Host and port clients are told to connect to.</summary>
    public string AdvertisedHost { get; set; } = "127.0.0.1";

    public int AdvertisedPort { get; set; }

    /// <summary>Monotonic clock for group timeouts.</summary>
    public static long NowMs => Environment.TickCount64;

    /// <summary>
    /// Producer ids start from the wall clock, or above the highest id already in the log when that is
    /// higher (many ids handed out in a burst, or a clock set back), so a restarted broker never gives
    /// a new producer the id of one whose sequence state it recovered from the log.
    /// </summary>
    public long NextProducerId()
    {
        if (Interlocked.Read(ref _nextProducerId) == 0)
        {
            var start = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), Topics.MaxProducerId());
            Interlocked.CompareExchange(ref _nextProducerId, start, 0);
        }

        return Interlocked.Increment(ref _nextProducerId);
    }
}
