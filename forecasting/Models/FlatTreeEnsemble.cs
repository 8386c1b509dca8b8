namespace TrafficOrleans.Forecasting.Models;

/// <summary>
/// A regression tree ensemble flattened into arrays: evaluating it walks integer and float arrays only, so it is
/// allocation-free and thread-safe (ML.NET's PredictionEngine is neither). Split semantics follow ML.NET's
/// RegressionTree: go left when <c>x[feature] ≤ threshold</c>; a negative child <c>c</c> is leaf <c>~c</c>.
/// </summary>
public sealed class FlatTreeEnsemble
{
    private readonly int[] _nodeStart;
    private readonly int[] _leafStart;
    private readonly int[] _feature;
    private readonly float[] _threshold;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly float[] _leaf;
    private readonly float[] _weight;
    private readonly double _bias;

    /// <summary>Creates an ensemble from per-tree arrays (as ML.NET exposes them) and the bias.</summary>
    public FlatTreeEnsemble(IReadOnlyList<TreeArrays> trees, double bias)
    {
        ArgumentNullException.ThrowIfNull(trees);
        _nodeStart = new int[trees.Count];
        _leafStart = new int[trees.Count];
        _weight = new float[trees.Count];
        int nodes = 0, leaves = 0;
        for (var i = 0; i < trees.Count; i++)
        {
            _nodeStart[i] = nodes;
            _leafStart[i] = leaves;
            _weight[i] = (float)trees[i].Weight;
            nodes += trees[i].Feature.Length;
            leaves += trees[i].Leaf.Length;
        }

        _feature = [.. trees.SelectMany(t => t.Feature)];
        _threshold = [.. trees.SelectMany(t => t.Threshold)];
        _left = [.. trees.SelectMany(t => t.Left)];
        _right = [.. trees.SelectMany(t => t.Right)];
        _leaf = [.. trees.SelectMany(t => t.Leaf)];
        _bias = bias;
    }

    /// <summary>Number of trees.</summary>
    public int TreeCount => _weight.Length;

    /// <summary>Sum of weighted leaf values plus bias for one feature vector.</summary>
    public float Evaluate(ReadOnlySpan<float> x)
    {
        var sum = _bias;
        for (var t = 0; t < _nodeStart.Length; t++)
        {
            var start = _nodeStart[t];
            var node = 0;
            var leaf = 0;
            var nodeCount = (t + 1 < _nodeStart.Length ? _nodeStart[t + 1] : _feature.Length) - start;
            if (nodeCount > 0)
            {
                while (node >= 0)
                {
                    var i = start + node;
                    node = x[_feature[i]] <= _threshold[i] ? _left[i] : _right[i];
                }

                leaf = ~node;
            }

            sum += _weight[t] * _leaf[_leafStart[t] + leaf];
        }

        return (float)sum;
    }

    /// <summary>Writes the ensemble.</summary>
    public void Save(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_bias);
        writer.Write(TreeCount);
        for (var t = 0; t < TreeCount; t++)
        {
            var n0 = _nodeStart[t];
            var n1 = t + 1 < TreeCount ? _nodeStart[t + 1] : _feature.Length;
            var l0 = _leafStart[t];
            var l1 = t + 1 < TreeCount ? _leafStart[t + 1] : _leaf.Length;
            writer.Write(_weight[t]);
            writer.Write(n1 - n0);
            for (var i = n0; i < n1; i++)
            {
                writer.Write(_feature[i]);
                writer.Write(_threshold[i]);
                writer.Write(_left[i]);
                writer.Write(_right[i]);
            }

            writer.Write(l1 - l0);
            for (var i = l0; i < l1; i++)
            {
                writer.Write(_leaf[i]);
            }
        }
    }

    /// <summary>Reads an ensemble written by <see cref="Save"/>.</summary>
    public static FlatTreeEnsemble Load(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var bias = reader.ReadDouble();
        var trees = new TreeArrays[reader.ReadInt32()];
        for (var t = 0; t < trees.Length; t++)
        {
            var weight = reader.ReadSingle();
            var n = reader.ReadInt32();
            var feature = new int[n];
            var threshold = new float[n];
            var left = new int[n];
            var right = new int[n];
            for (var i = 0; i < n; i++)
            {
                feature[i] = reader.ReadInt32();
                threshold[i] = reader.ReadSingle();
                left[i] = reader.ReadInt32();
                right[i] = reader.ReadInt32();
            }

            var leaf = new float[reader.ReadInt32()];
            for (var i = 0; i < leaf.Length; i++)
            {
                leaf[i] = reader.ReadSingle();
            }

            trees[t] = new TreeArrays(weight, feature, threshold, left, right, leaf);
        }

        return new FlatTreeEnsemble(trees, bias);
    }
}
