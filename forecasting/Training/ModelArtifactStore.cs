using System.IO.Compression;
using System.Text.Json;
using TrafficOrleans.Forecasting.Models;
using TrafficOrleans.Forecasting.Onnx;

namespace TrafficOrleans.Forecasting.Training;

/// <summary>
/// Artefact files: <c>{directory}/{version}.zip</c> holding <c>manifest.json</c>, <c>model.bin</c> (the model's own
/// binary format) and, for the LSTM and the T-GCN, <c>model.onnx</c> (the same network per <see cref="OnnxContract"/>).
/// The version string names the file, so a registry row only needs the version and the directory.
/// </summary>
public static class ModelArtifactStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes the artefact; returns its path.</summary>
    public static string Save(string directory, ISpeedForecaster model, ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(manifest);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, model.Version + ".zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var s = zip.CreateEntry("manifest.json").Open())
        {
            JsonSerializer.Serialize(s, manifest, Json);
        }

        using (var w = new BinaryWriter(zip.CreateEntry("model.bin").Open()))
        {
            w.Write(model.Name);
            switch (model)
            {
                case GradientBoostedForecaster g: g.Save(w); break;
                case LstmForecaster l: l.Save(w); break;
                case TgcnForecaster t: t.Save(w); break;
                case HistoricalAverageForecaster h: h.Save(w); break;
                case PersistenceForecaster: break;
                default: throw new NotSupportedException($"Cannot save model '{model.Name}'.");
            }
        }

        if (model is LstmForecaster lstm)
        {
            using var s = zip.CreateEntry("model.onnx").Open();
            s.Write(OnnxLstmExporter.Export(lstm.Network, lstm.Layout));
        }

        if (model is TgcnForecaster tgcn)
        {
            using var s = zip.CreateEntry("model.onnx").Open();
            s.Write(OnnxTgcnExporter.Export(tgcn.Network));
        }

        return path;
    }

    /// <summary>Reads an artefact written by <see cref="Save"/>.</summary>
    public static LoadedModel Load(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        ModelManifest manifest;
        using (var s = zip.GetEntry("manifest.json")!.Open())
        {
            manifest = JsonSerializer.Deserialize<ModelManifest>(s, Json) ?? throw new InvalidDataException("Empty manifest.");
        }

        using var r = new BinaryReader(zip.GetEntry("model.bin")!.Open());
        ISpeedForecaster model = r.ReadString() switch
        {
            GradientBoostedForecaster.ModelName => GradientBoostedForecaster.Load(r),
            LstmForecaster.ModelName => LstmForecaster.Load(r),
            TgcnForecaster.ModelName => TgcnForecaster.Load(r),
            HistoricalAverageForecaster.ModelName => HistoricalAverageForecaster.Load(r),
            PersistenceForecaster.ModelName => new PersistenceForecaster(manifest.Version),
            var other => throw new InvalidDataException($"Unknown model '{other}'."),
        };
        return new LoadedModel(model, manifest);
    }
}
