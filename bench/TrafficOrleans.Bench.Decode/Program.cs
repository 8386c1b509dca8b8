using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.GrainInterfaces.Messages.Json;

// Usage: dotnet run -c Release --project bench/TrafficOrleans.Bench.Decode [-- runs]
// Per message: time and bytes allocated to decode a traffic-raw and a traffic-predictions value as our producers write
// them, with the JSON serializer (what every consumer did before) and with the canonical readers (what they do now).
// Single thread; median and range over the runs, so a noisy machine shows as spread.
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
const int PerRun = 200_000;

var prediction = JsonSerializer.SerializeToUtf8Bytes(new RoadPrediction(
    Guid.NewGuid(), DateTimeOffset.UtcNow, "here-1234-5678", 31.5, 28.25, 25.125, 27, 0.83, "lgbm-v12-20261128", 4.2,
    new PredictionInterval(20.1, 35.2, 18.3, 33.3, 17.7, 36.9)), TrafficJson.Options);
var reading = JsonSerializer.SerializeToUtf8Bytes(new TrafficReading(
    Guid.NewGuid(), DateTimeOffset.UtcNow, "here-1234-5678", "Pho Trang Tien", 31.5, 50, 4.2, CongestionLevel.Moderate, 0.63, true, null, 0.7), TrafficJson.Options);

var cases = new (string Message, string Decoder, Func<object?> Decode)[]
{
    ("traffic-predictions", "serializer", () => JsonSerializer.Deserialize<RoadPrediction>(prediction, TrafficJson.Strict)),
    ("traffic-predictions", "canonical reader", () => RoadPredictionJsonReader.Instance.TryRead(prediction)),
    ("traffic-raw", "serializer", () => JsonSerializer.Deserialize<TrafficReading>(reading, TrafficJson.Strict)),
    ("traffic-raw", "canonical reader", () => TrafficReadingJsonReader.Instance.TryRead(reading)),
};

Console.WriteLine($"{PerRun:N0} decodes per run, {runs} runs; µs per message: median (min–max); bytes allocated per message");
Console.WriteLine("| message | decoder | µs per message | bytes allocated |");
Console.WriteLine("|---|---|---|---|");
foreach (var (message, decoder, decode) in cases)
{
    if (decode() is null) throw new InvalidOperationException($"{decoder} did not read the {message} value");
    for (var i = 0; i < PerRun; i++) decode(); // tiered JIT settles
    var micros = new List<double>();
    long bytes = 0;
    for (var run = 0; run < runs; run++)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < PerRun; i++) decode();
        micros.Add(clock.Elapsed.TotalMicroseconds / PerRun);
        bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / PerRun;
    }

    micros.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {message} | {decoder} | {micros[micros.Count / 2]:F2} ({micros[0]:F2}–{micros[^1]:F2}) | {bytes} |"));
}
