using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.Onnx;

namespace TrafficOrleans.Forecasting.Models;

/// <summary>
/// Serves a sequence model exported to ONNX (see <see cref="OnnxContract"/> for the required signature) with ONNX
/// Runtime. Input and output tensors are bound once to pinned buffers, so a forecast allocates nothing; calls are
/// serialised by a lock because the buffers are shared.
/// </summary>
public sealed class OnnxForecaster : ISpeedForecaster, IDisposable
{
    /// <summary>Model family name.</summary>
    public const string ModelName = "onnx";

    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly float[] _input;
    private readonly float[] _output = new float[ForecastHorizons.Count];
    private readonly OrtValue _inputValue;
    private readonly OrtValue _outputValue;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly Lock _gate = new();

    /// <summary>Loads a model from ONNX bytes; the profile feeds <c>profile*</c> features if the layout uses them.</summary>
    public OnnxForecaster(byte[] model, string version, HistoricalAverageForecaster? profile)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        _session = new InferenceSession(model, options);
        Version = version;
        Profile = profile;
        var meta = _session.ModelMetadata.CustomMetadataMap;
        Layout = new SequenceLayout(
            meta.TryGetValue(OnnxContract.FeaturesKey, out var f) ? f.Split(',') : ["speed"],
            meta.TryGetValue(OnnxContract.ScaleKey, out var sc) ? float.Parse(sc, CultureInfo.InvariantCulture) : 100f,
            meta.TryGetValue(OnnxContract.ResidualKey, out var r) && bool.Parse(r));
        _inputNames = [_session.InputMetadata.ContainsKey(OnnxContract.InputName) ? OnnxContract.InputName : _session.InputMetadata.Keys.Single()];
        _outputNames = [_session.OutputMetadata.ContainsKey(OnnxContract.OutputName) ? OnnxContract.OutputName : _session.OutputMetadata.Keys.Single()];
        _input = new float[ForecastHorizons.WindowSteps * Layout.Width];
        _inputValue = OrtValue.CreateTensorValueFromMemory(_input, [1, ForecastHorizons.WindowSteps, Layout.Width]);
        _outputValue = OrtValue.CreateTensorValueFromMemory(_output, [1, ForecastHorizons.Count]);
    }

    /// <inheritdoc />
    public string Name => ModelName;

    /// <inheritdoc />
    public string Version { get; }

    /// <summary>The input/output contract read from the model's metadata.</summary>
    public SequenceLayout Layout { get; }

    /// <summary>Time-of-week profile for profile features.</summary>
    public HistoricalAverageForecaster? Profile { get; }

    /// <summary>Loads a model file.</summary>
    public static OnnxForecaster Load(string path, string version, HistoricalAverageForecaster? profile) =>
        new(File.ReadAllBytes(path), version, profile);

    /// <summary>Needs half a window of real speeds.</summary>
    public bool CanForecast(in ForecastInput input) => input.ValidSteps >= ForecastHorizons.WindowSteps / 2;

    /// <inheritdoc />
    public SpeedForecast Forecast(in ForecastInput input)
    {
        Span<float> y = stackalloc float[ForecastHorizons.Count];
        lock (_gate)
        {
            Layout.Fill(input, Profile, _input);
            _session.Run(_runOptions, _inputNames, [_inputValue], _outputNames, [_outputValue]);
            _output.CopyTo(y);
        }

        return Layout.ToForecast(input, y, Name, Version);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _inputValue.Dispose();
        _outputValue.Dispose();
        _runOptions.Dispose();
        _session.Dispose();
    }
}
