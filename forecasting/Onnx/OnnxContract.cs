namespace TrafficOrleans.Forecasting.Onnx;

/// <summary>
/// The signature an ONNX forecasting model must have (whether exported by <see cref="OnnxLstmExporter"/>, Keras via
/// tf2onnx, or PyTorch via torch.onnx.export):
/// <list type="bullet">
/// <item>input <c>input</c>: float32 [batch, 12, F] — batch-first, oldest step first, columns per
/// <see cref="Features.SequenceLayout"/>;</item>
/// <item>output <c>output</c>: float32 [batch, 3] — +10/20/30 minutes, scaled as the layout says;</item>
/// <item>metadata (ModelProto.metadata_props, optional): <c>trafficorleans.features</c> (comma-separated feature names,
/// default <c>speed</c>), <c>trafficorleans.speed_scale</c> (default 100), <c>trafficorleans.residual</c>
/// (<c>true</c>/<c>false</c>, default false).</item>
/// </list>
/// Other input/output names are accepted when the model has exactly one input and one output.
/// </summary>
public static class OnnxContract
{
    /// <summary>Name of the input tensor.</summary>
    public const string InputName = "input";

    /// <summary>Name of the output tensor.</summary>
    public const string OutputName = "output";

    /// <summary>Metadata key of the comma-separated feature names.</summary>
    public const string FeaturesKey = "trafficorleans.features";

    /// <summary>Metadata key of the speed scale.</summary>
    public const string ScaleKey = "trafficorleans.speed_scale";

    /// <summary>Metadata key of the residual flag.</summary>
    public const string ResidualKey = "trafficorleans.residual";
}
