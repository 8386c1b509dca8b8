using System.Globalization;
using TrafficOrleans.Ingest.Preprocessing;
using TrafficOrleans.Roads;

namespace TrafficOrleans.Ingest.Replay;

/// <summary>
/// A benchmark matrix CSV: header of sensor ids, one row of speeds per <see cref="ReplayOptions.RowInterval"/>
/// from <see cref="ReplayOptions.StartTime"/>. Speeds are kept as floats (METR-LA is 34k × 207 cells) and
/// turned into readings only when emitted. Free-flow speed of each sensor is a percentile of its speeds.
/// </summary>
internal sealed class MatrixCsvRecording : IRecording
{
    private readonly string[] _roadIds;
    private readonly string[] _sensorIds;
    private readonly double[] _freeFlow;
    private readonly List<float[]> _rows = [];
    private readonly Dictionary<(int Row, int Column), string> _unparsable = [];
    private readonly TimeSpan _interval;
    private readonly double _kmh;

    public MatrixCsvRecording(string path, ReplayOptions options)
    {
        _interval = options.RowInterval;
        _kmh = Csv.KmhPerUnit(options.SpeedUnit);
        Start = options.StartTime ?? throw new InvalidOperationException("A matrix replay needs StartTime.");
        using var reader = new StreamReader(path);
        var header = Csv.Split(reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty."));
        // A leading label column (blank, or a name such as "timestamp") holds the original row times.
        var labelColumn = header.Count > 1 && (header[0].Length == 0 || !header[0].Any(char.IsDigit)) ? 1 : 0;
        _sensorIds = [.. header.Skip(labelColumn)];
        _roadIds = [.. _sensorIds.Select(id => options.RoadIdPrefix + id)];

        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var fields = Csv.Split(line);
            var row = new float[_sensorIds.Length];
            for (var c = 0; c < row.Length; c++)
            {
                var text = c + labelColumn < fields.Count ? fields[c + labelColumn] : string.Empty;
                if (Csv.TryNumber(text, out var value)) row[c] = (float)value;
                else
                {
                    row[c] = float.NaN;
                    if (text.Length > 0) _unparsable[(_rows.Count, c)] = text;
                }

                if (options.ZeroSpeedIsMissing && row[c] == 0) row[c] = float.NaN;
            }

            _rows.Add(row);
        }

        _freeFlow = new double[_sensorIds.Length];
        for (var c = 0; c < _freeFlow.Length; c++)
        {
            var observed = _rows.Select(r => (double)r[c]).Where(v => double.IsFinite(v) && v > 0).ToList();
            _freeFlow[c] = Csv.Percentile(observed, options.FreeFlowPercentile) * _kmh;
        }

        End = Start + _interval * Math.Max(_rows.Count - 1, 0);
        Adjacency = string.IsNullOrWhiteSpace(options.AdjacencyPath) ? null : ReadAdjacency(options.AdjacencyPath, options.RoadIdPrefix);
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    /// <summary>Sensor graph from the adjacency file, if one was given.</summary>
    public RoadAdjacency? Adjacency { get; }

    public void Emit(DateTimeOffset after, DateTimeOffset until, TrafficBatchBuilder batch)
    {
        var first = Math.Max(0, (int)Math.Floor((after - Start) / _interval) + 1);
        for (var r = first; r < _rows.Count; r++)
        {
            var timestamp = Start + _interval * r;
            if (timestamp > until) break;
            var row = _rows[r];
            for (var c = 0; c < row.Length; c++)
            {
                var cell = (Row: r, Column: c);
                if (_unparsable.TryGetValue(cell, out var text))
                {
                    batch.Reject(RejectionReason.Malformed, $"speed '{text}' is not a number", _roadIds[c], Payload(cell));
                    continue;
                }

                var speed = (double)row[c] * _kmh;
                if (double.IsNaN(speed))
                {
                    batch.Reject(RejectionReason.MissingSpeed, "no speed in this interval (empty or zero cell)", _roadIds[c], Payload(cell));
                    continue;
                }

                var raw = new RawReading(_roadIds[c], "Sensor " + _sensorIds[c], timestamp, speed, _freeFlow[c], null, false, null);
                batch.Add(raw, (this, cell), static s => s.Item1.Payload(s.cell));
            }
        }
    }

    /// <summary>The original cell as <c>sensor_id,row,value</c> (rows count from 0 after the header).</summary>
    private string Payload((int Row, int Column) cell) =>
        string.Create(CultureInfo.InvariantCulture, $"{_sensorIds[cell.Column]},{cell.Row},{_unparsable.GetValueOrDefault(cell) ?? _rows[cell.Row][cell.Column].ToString(CultureInfo.InvariantCulture)}");

    /// <summary>
    /// An N×N weight matrix (optional header row of sensor ids and label column; weight &gt; 0 off the
    /// diagonal means row feeds column) or an edge list with a <c>from,to</c> header.
    /// </summary>
    private RoadAdjacency ReadAdjacency(string path, string prefix)
    {
        var lines = File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).Select(Csv.Split).ToList();
        var edges = new List<(string, string)>();
        if (lines.Count > 0 && lines[0].Count >= 2 && lines[0][0].Equals("from", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var edge in lines.Skip(1)) edges.Add((prefix + edge[0], prefix + edge[1]));
            return RoadAdjacency.FromEdges(edges);
        }

        var ids = _sensorIds;
        var known = _sensorIds.ToHashSet(StringComparer.Ordinal);
        if (lines.Count > 0 && (lines[0].Any(f => !Csv.TryNumber(f, out _)) || lines[0].Where(f => f.Length > 0).All(known.Contains)))
        {
            ids = [.. lines[0].Where(f => f.Length > 0)];
            lines.RemoveAt(0);
        }

        for (var i = 0; i < lines.Count && i < ids.Length; i++)
        {
            var weights = lines[i].Count > ids.Length ? lines[i].Skip(1).ToList() : lines[i];
            for (var j = 0; j < weights.Count && j < ids.Length; j++)
            {
                if (i != j && Csv.TryNumber(weights[j], out var w) && w > 0) edges.Add((prefix + ids[i], prefix + ids[j]));
            }
        }

        return RoadAdjacency.FromEdges(edges);
    }
}
