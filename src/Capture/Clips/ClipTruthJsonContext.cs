using System.Text.Json.Serialization;

namespace LiveDigits.Capture.Clips;

/// <summary>Source-generated JSON for <see cref="ClipTruth"/>: no reflection.</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(ClipTruth))]
[JsonSerializable(typeof(int[]))]
internal sealed partial class ClipTruthJsonContext : JsonSerializerContext
{
}
