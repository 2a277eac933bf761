using System.Text.Json;
using System.Text.Json.Serialization;
using OpenCvSharp;

namespace LiveDigits.Capture.Clips;

/// <summary>Writes a box as <c>[x,y,w,h]</c>, the same form the readings use, and reads it back.</summary>
internal sealed class ClipBoxJsonConverter : JsonConverter<Rect>
{
    public override Rect Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var values = JsonSerializer.Deserialize(ref reader, ClipTruthJsonContext.Default.Int32Array);
        if (values is not { Length: 4 })
        {
            throw new JsonException("A box is an array of four integers [x,y,w,h].");
        }

        return new Rect(values[0], values[1], values[2], values[3]);
    }

    public override void Write(Utf8JsonWriter writer, Rect value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.X);
        writer.WriteNumberValue(value.Y);
        writer.WriteNumberValue(value.Width);
        writer.WriteNumberValue(value.Height);
        writer.WriteEndArray();
    }
}
