using System.Globalization;
using TrafficOrleans.Bench.Routing;
using TrafficOrleans.Roads.Here;
using TrafficOrleans.Routing.Synthetic;

// Usage: dotnet run -c Release --project bench/TrafficOrleans.Bench.Routing -- [gridSide=320] [queries=300] [quikGraphQueries=60] [herePath]
var side = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 320;
var queries = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
var baselineQueries = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60;
var herePath = args.Length > 3 ? args[3] : HereSnapshot.Find();

var scenarios = new List<Scenario>
{
    new($"synthetic grid {side}×{side}", GridGraphGenerator.Generate(side, side, seed: 42), queries, baselineQueries, Console.Out),
};
if (herePath is not null)
{
    scenarios.Add(new("HERE Hanoi snapshot", HereRoadNetwork.ToSegments(HereRoadNetwork.ReadResponse(herePath)), queries, queries, Console.Out));
}
else
{
    Console.WriteLine("HERE snapshot not found (../shared/data/here/ beside TrafficOrleans.sln): skipping that graph.");
}

foreach (var scenario in scenarios) scenario.Run();
ResultTable.Print(scenarios, Console.Out);

// Queries reach the replica on the product's graph (HERE when present) under concurrent load.
var product = scenarios[^1];
await ReplicaComparison.RunAsync(product.ForecastWeights!, product.Pairs, concurrency: 8, Console.Out);
