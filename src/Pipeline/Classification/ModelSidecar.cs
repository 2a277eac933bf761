using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveDigits.Pipeline.Classification;

/// <summary>
/// What a model's trainer measured and ships beside it as <c>MODEL.json</c>, for example
/// <c>{"notDigitClass":10,"acceptThreshold":0.6}</c>.
/// </summary>
/// <param name="NotDigitClass">The class index meaning "not a digit", when the network has one.</param>
/// <param name="AcceptThreshold">The lowest probability at which a digit is reported.</param>
public sealed record ModelSidecar(
    [property: JsonPropertyName("notDigitClass")] int? NotDigitClass,
    [property: JsonPropertyName("acceptThreshold")] double? AcceptThreshold)
{
    /// <summary>Gets the sidecar path of a model: the model path with <c>.json</c> appended.</summary>
    /// <param name="modelPath">The model file.</param>
    /// <returns>The sidecar path.</returns>
    public static string PathFor(string modelPath) => modelPath + ".json";

    /// <summary>Reads the sidecar next to a model, if there is one.</summary>
    /// <param name="modelPath">The model file.</param>
    /// <returns>The sidecar, or null when the model has none.</returns>
    /// <exception cref="ModelLoadException">The sidecar exists but is not valid JSON of this shape.</exception>
    public static ModelSidecar? TryRead(string modelPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        var path = PathFor(modelPath);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), ModelSidecarJsonContext.Default.ModelSidecar);
        }
        catch (JsonException e)
        {
            throw new ModelLoadException(path, $"not a model sidecar ({e.Message})", e);
        }
    }
}

/// <summary>Source-generated JSON for <see cref="ModelSidecar"/>.</summary>
[JsonSerializable(typeof(ModelSidecar))]
internal sealed partial class ModelSidecarJsonContext : JsonSerializerContext
{
}
