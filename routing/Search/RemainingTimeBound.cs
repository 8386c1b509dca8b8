using TrafficOrleans.Roads;
using TrafficOrleans.Routing.Weights;

namespace TrafficOrleans.Routing.Search;

/// <summary>
/// The A* heuristic of one query: a lower bound of the travel time still needed from a node reached in a given
/// forecast bucket. With landmarks it is the scaled bound of bucket b's own set (<see cref="ForecastLandmarks"/>),
/// computed on times never above the real time of an edge entered in bucket b or later, so it is admissible. It is
/// not consistent where a path moves into a later bucket (the later set may bound a node lower than the earlier
/// one did), so the search reopens a settled node that gets an earlier arrival; taking the maximum over all
/// earlier buckets' sets instead would be consistent but reads a landmark row per set at every node, which cost more
/// than the reopened nodes. Without landmarks: straight line over the fastest chord speed of any bucket. Reused per
/// thread; prepared once per query.
/// </summary>
internal sealed class RemainingTimeBound
{
    // Each landmark gives two terms (to and from it). Evaluating all of them for every set at every node cost more
    // than the nodes they saved; the terms that bound the source best usually bound the whole search best
    // (Goldberg and Harrelson's "active landmarks").
    // (Measured on the 100k grid: 4 of 16 terms settle 7 % more nodes than all 16, at 30 % less time per node.)
    private const int ActiveTermsPerSet = 4;

    // Terms of all runs: offset in a node's row, target's distance, sign.
    private readonly List<int> _termOffsets = [];
    private readonly List<int> _termGoals = [];
    private readonly List<int> _termSigns = [];
    private int[] _offsets = [];
    private int[] _goals = [];
    private int[] _signs = [];

    // Per bucket: the run of terms of that bucket's landmark set.
    private readonly Run[] _runs = new Run[ForecastBuckets.Count];

    private WeightsSnapshot? _weights;
    private int _source = -1;
    private int _target = -1;
    private GeoPoint _targetPoint;

    /// <summary>
    /// Selects the active landmark terms for a query. Returns false for a repeat of the last query (an alternative
    /// search), which keeps them and may keep bounds cached under them.
    /// </summary>
    public bool Prepare(WeightsSnapshot weights, int source, int target)
    {
        if (ReferenceEquals(weights, _weights) && source == _source && target == _target) return false;
        (_weights, _source, _target) = (weights, source, target);
        _targetPoint = weights.Graph.NodePoint(target);
        _termOffsets.Clear();
        _termGoals.Clear();
        _termSigns.Clear();
        var landmarks = weights.Landmarks;
        if (landmarks.Count == 0)
        {
            _offsets = [];
            return true;
        }

        for (var b = 0; b < ForecastBuckets.Count; b++)
        {
            var set = landmarks.Sets[b];
            var scale = weights.LandmarkScales[b] * Landmarks.Quantum;
            if (b > 0 && ReferenceEquals(set, landmarks.Sets[b - 1]))
            {
                // Same landmarks, scaled for fewer buckets (so never less): reuse the terms.
                _runs[b] = _runs[b - 1] with { Scale = Math.Max(_runs[b - 1].Scale, scale) };
                continue;
            }

            var first = _termOffsets.Count;
            SelectTerms(set, source, target);
            _runs[b] = new Run(set.Distances, set.Count * 2, first, _termOffsets.Count - first, scale);
        }

        (_offsets, _goals, _signs) = ([.. _termOffsets], [.. _termGoals], [.. _termSigns]);
        return true;
    }

    /// <summary>Lower bound in seconds from <paramref name="v"/>, entered in bucket <paramref name="bucket"/>, to the target.</summary>
    public double At(int v, int bucket)
    {
        var weights = _weights!;
        if (_offsets.Length == 0) return weights.Graph.NodePoint(v).DistanceMetersTo(_targetPoint) * weights.SecondsPerChordMeter;

        var (offsets, goals, signs) = (_offsets, _goals, _signs);
        var run = _runs[bucket];
        var row = run.Distances.AsSpan(v * run.RowLength, run.RowLength);
        var bound = 0;
        for (var i = run.First; i < run.First + run.Count; i++)
        {
            var a = signs[i] * (row[offsets[i]] - goals[i]);
            // Beyond half the range only when v cannot reach (or be reached from) the landmark: skipped, 0 stays
            // a valid bound.
            if (a > bound && a < Landmarks.Unreachable / 2) bound = a;
        }

        return bound * run.Scale;
    }

    private void SelectTerms(Landmarks set, int source, int target)
    {
        var row = set.Count * 2;
        var distances = set.Distances;
        Span<long> atSource = stackalloc long[row];
        for (var j = 0; j < row; j++)
        {
            var sign = j < set.Count ? 1 : -1;
            var (at, goal) = (distances[(source * row) + j], distances[(target * row) + j]);
            atSource[j] = at == Landmarks.Unreachable || goal == Landmarks.Unreachable ? long.MinValue : sign * (long)(at - goal);
        }

        for (var k = 0; k < Math.Min(ActiveTermsPerSet, row); k++)
        {
            var j = 0;
            for (var m = 1; m < row; m++)
            {
                if (atSource[m] > atSource[j]) j = m;
            }

            if (atSource[j] == long.MinValue) break;
            atSource[j] = long.MinValue;
            _termOffsets.Add(j);
            _termGoals.Add(distances[(target * row) + j]);
            _termSigns.Add(j < set.Count ? 1 : -1);
        }
    }

    /// <summary>
    /// The active terms of one landmark set: term i is <c>sign × (distance at offset i of v's row − the target's)</c>,
    /// the largest of them times <paramref name="Scale"/> bounds the remaining time.
    /// </summary>
    private readonly record struct Run(int[] Distances, int RowLength, int First, int Count, double Scale);
}
