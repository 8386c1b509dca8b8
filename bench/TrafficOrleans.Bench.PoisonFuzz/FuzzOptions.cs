using System.Globalization;

namespace TrafficOrleans.Bench.PoisonFuzz;

/// <summary>Command-line settings: <c>bad=10000 ticks=30 rate=2000 seed=11 timeout=600</c>.</summary>
public sealed record FuzzOptions(int Bad, int Ticks, int Rate, int Seed, TimeSpan Timeout)
{
    /// <summary>Parses <c>key=value</c> arguments; unknown keys are an error.</summary>
    public static FuzzOptions Parse(string[] args)
    {
        var values = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["bad"] = 10_000, ["ticks"] = 30, ["rate"] = 2_000, ["seed"] = 11, ["timeout"] = 600 };
        foreach (var arg in args)
        {
            var parts = arg.Split('=', 2);
            if (parts.Length != 2 || !values.ContainsKey(parts[0])) throw new ArgumentException($"unknown argument {arg}; expected {string.Join(' ', values.Keys.Select(k => k + "=N"))}");
            values[parts[0]] = int.Parse(parts[1], CultureInfo.InvariantCulture);
        }

        return new(values["bad"], values["ticks"], values["rate"], values["seed"], TimeSpan.FromSeconds(values["timeout"]));
    }
}
