using System.Globalization;

namespace TrafficOrleans.Bench.Routing;

/// <summary>Prints the measurements as a Markdown table (pasteable into the README).</summary>
internal static class ResultTable
{
    public static void Print(IEnumerable<Scenario> scenarios, TextWriter output)
    {
        foreach (var scenario in scenarios)
        {
            output.WriteLine();
            output.WriteLine(scenario.Summary);
            output.WriteLine();
            output.WriteLine("| operation | n | p50 ms | p99 ms | mean ms | note |");
            output.WriteLine("|---|---:|---:|---:|---:|---|");
            foreach (var (operation, stats, note) in scenario.Rows)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {operation} | {stats.Count} | {stats.P50:F3} | {stats.P99:F3} | {stats.Mean:F3} | {note} |"));
            }

            var ours = scenario.Rows.First(r => r.Operation == "ours: best path").Stats;
            var theirs = scenario.Rows.First(r => r.Operation.StartsWith("QuikGraph", StringComparison.Ordinal)).Stats;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nbest path p50 speed-up over QuikGraph: {theirs.P50 / ours.P50:F1}×"));
        }
    }
}
