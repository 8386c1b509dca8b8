using TrafficOrleans.Ingest.Preprocessing;

namespace TrafficOrleans.Ingest.Replay;

/// <summary>
/// A long CSV (<c>road_id,timestamp,speed[,free_flow_speed,jam_factor,road_name]</c>, header optional;
/// with a header, columns are found by name). Lines that cannot be parsed are kept and rejected as
/// malformed with the batch that contains the start of the recording — never dropped.
/// </summary>
internal sealed class LongCsvRecording : IRecording
{
    private static readonly string[] DefaultColumns = ["road_id", "timestamp", "speed", "free_flow_speed", "jam_factor", "road_name"];
    private readonly List<Entry> _entries = [];
    private readonly List<(string Line, string Detail)> _malformed = [];

    public LongCsvRecording(string path, ReplayOptions options, TimeZoneInfo zone)
    {
        var kmh = Csv.KmhPerUnit(options.SpeedUnit);
        var columns = DefaultColumns;
        var first = true;
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var fields = Csv.Split(line);
            if (first && fields[0].Equals("road_id", StringComparison.OrdinalIgnoreCase))
            {
                columns = [.. fields.Select(f => f.ToLowerInvariant())];
                first = false;
                continue;
            }

            first = false;
            string? Field(string name)
            {
                var index = Array.IndexOf(columns, name);
                return index >= 0 && index < fields.Count && fields[index].Length > 0 ? fields[index] : null;
            }

            var time = Field("timestamp");
            if (time is null || !Csv.TryTimestamp(time, zone, out var timestamp))
            {
                _malformed.Add((line, $"timestamp '{time}' is not ISO-8601 or Unix seconds"));
                continue;
            }

            var speedText = Field("speed");
            var speed = speedText is null ? double.NaN : Csv.TryNumber(speedText, out var s) ? s * kmh : double.NaN;
            if (options.ZeroSpeedIsMissing && speed == 0) speed = double.NaN;
            double? Number(string name, double scale) => Field(name) is { } text && Csv.TryNumber(text, out var value) ? value * scale : null;
            _entries.Add(new Entry(timestamp, Field("road_id"), Field("road_name"), speed, Number("free_flow_speed", kmh), Number("jam_factor", 1), line));
        }

        _entries.Sort((a, b) => a.Timestamp.CompareTo(b.Timestamp));
        FillMissingFreeFlow(options.FreeFlowPercentile);
        Start = _entries.Count > 0 ? _entries[0].Timestamp : DateTimeOffset.UnixEpoch;
        End = _entries.Count > 0 ? _entries[^1].Timestamp : Start;
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public void Emit(DateTimeOffset after, DateTimeOffset until, TrafficBatchBuilder batch)
    {
        if (after < Start && Start <= until)
        {
            foreach (var (line, detail) in _malformed) batch.Reject(RejectionReason.Malformed, detail, null, line);
        }

        for (var i = FirstAfter(after); i < _entries.Count && _entries[i].Timestamp <= until; i++)
        {
            var e = _entries[i];
            var raw = new RawReading(e.RoadId, e.RoadName, e.Timestamp, e.SpeedKmh, e.FreeFlowKmh, e.JamFactor, false, null);
            batch.Add(raw, e.Line, static line => line);
        }
    }

    /// <summary>Roads without a free-flow column get a percentile of their own observed speeds.</summary>
    private void FillMissingFreeFlow(double percentile)
    {
        var estimates = _entries
            .Where(e => e.RoadId is not null && double.IsFinite(e.SpeedKmh) && e.SpeedKmh > 0)
            .GroupBy(e => e.RoadId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Csv.Percentile([.. g.Select(e => e.SpeedKmh)], percentile), StringComparer.Ordinal);
        for (var i = 0; i < _entries.Count; i++)
        {
            var e = _entries[i];
            if (e.FreeFlowKmh is null && e.RoadId is not null && estimates.TryGetValue(e.RoadId, out var estimate))
            {
                _entries[i] = e with { FreeFlowKmh = estimate };
            }
        }
    }

    private int FirstAfter(DateTimeOffset after)
    {
        int lo = 0, hi = _entries.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_entries[mid].Timestamp <= after) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }

    private sealed record Entry(DateTimeOffset Timestamp, string? RoadId, string? RoadName, double SpeedKmh, double? FreeFlowKmh, double? JamFactor, string Line);
}
