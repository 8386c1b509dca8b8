using TrafficOrleans.Forecasting.Lstm;

namespace TrafficOrleans.Forecasting.Tests;

public sealed class LstmInferenceTests
{
    public static TheoryData<int, int, int, int> Shapes => new()
    {
        { 9, 12, 64, 32 }, // the served model's shape (SequenceLayout.Default, 64 units)
        { 4, 12, 16, 8 },
        { 3, 5, 7, 3 }, // widths that are no multiple of any vector size
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Packed_forward_pass_matches_the_previous_one_and_the_training_pass(int inputs, int steps, int hidden, int dense)
    {
        var shape = new LstmShape(inputs, steps, hidden, dense);
        var net = LstmNetwork.CreateRandom(shape, seed: inputs + hidden);
        var rng = new Random(hidden);
        for (var i = 0; i < net.Parameters.Length; i++)
        {
            // Non-zero biases and larger weights than Glorot's, so saturated gates are exercised too.
            net.Parameters[i] += (rng.NextSingle() * 2) - 1;
        }

        var inference = new LstmInference(net);
        var ws = net.CreateWorkspace();
        var x = new float[steps * inputs];
        var expected = new float[shape.Outputs];
        var actual = new float[shape.Outputs];
        var largest = 0f;
        for (var trial = 0; trial < 50; trial++)
        {
            for (var i = 0; i < x.Length; i++)
            {
                x[i] = (rng.NextSingle() * 4) - 2;
            }

            ReferenceLstmForward.Predict(net, x, expected);
            inference.Predict(x, actual);
            net.Forward(x, new float[shape.Outputs], ws, rng: null);
            for (var k = 0; k < shape.Outputs; k++)
            {
                AssertClose(expected[k], actual[k]);
                AssertClose(ws.Output[k], actual[k]);
                largest = MathF.Max(largest, MathF.Abs(actual[k]));
            }
        }

        // Outputs of order one, so the tolerance is a tight check and not one a zero output passes.
        Assert.True(largest > 0.1f, $"largest output {largest}");
    }

    // 1e-5 relative to the output (absolute below 1): the three passes sum in different orders, so their float32
    // rounding differs by some ulps — a fresh-clone CI run once saw 7.58934784 against 7.58933687 (1.1e-5 absolute,
    // 1.4e-6 relative) — while a wrong weight or gate would be off by orders of magnitude more.
    private static void AssertClose(float expected, float actual) =>
        Assert.True(MathF.Abs(expected - actual) <= 1e-5f * MathF.Max(1f, MathF.Abs(expected)), $"expected {expected}, got {actual}");

    [Fact]
    public void Packed_forward_pass_allocates_nothing_once_warm()
    {
        var shape = new LstmShape(9, 12, 64, 32);
        var inference = new LstmInference(LstmNetwork.CreateRandom(shape, seed: 1));
        var x = new float[shape.Steps * shape.Inputs];
        var y = new float[shape.Outputs];
        inference.Predict(x, y);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            x[i % x.Length] = i;
            inference.Predict(x, y);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Packed_weights_are_a_snapshot_of_the_network_when_made()
    {
        var shape = new LstmShape(3, 4, 5, 4);
        var net = LstmNetwork.CreateRandom(shape, seed: 3);
        var inference = new LstmInference(net);
        float[] x = [.. Enumerable.Range(0, shape.Steps * shape.Inputs).Select(i => i / 10f)];
        var before = new float[shape.Outputs];
        var after = new float[shape.Outputs];
        inference.Predict(x, before);

        Array.Fill(net.Parameters, 0.5f);
        inference.Predict(x, after);

        var repacked = new float[shape.Outputs];
        new LstmInference(net).Predict(x, repacked);

        Assert.Equal(before, after);
        Assert.NotEqual(before, repacked);
    }
}
