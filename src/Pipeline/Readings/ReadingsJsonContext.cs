using System.Text.Json.Serialization;

namespace LiveDigits.Pipeline.Readings;

/// <summary>Source-generated JSON for the readings: no reflection, one line per frame.</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(FrameReadings))]
[JsonSerializable(typeof(int[]))]
public sealed partial class ReadingsJsonContext : JsonSerializerContext
{
}
