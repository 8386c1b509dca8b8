using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using TrafficOrleans.KafkaBroker;
using TrafficOrleans.KafkaBroker.Host;

// Standalone development broker: dotnet run --project kafka/TrafficOrleans.KafkaBroker.Host -- --port 9092 --data .data/kafka
var options = BrokerArguments.Parse(args);
using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Information));
using var stop = new CancellationTokenSource();

// Ctrl-C and SIGTERM let the broker flush and close instead of being killed mid-write.
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

await using (var broker = new KafkaBroker(options, loggerFactory))
{
    await broker.StartAsync();
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
        // Ctrl-C.
    }
}

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
