using System.Text.Json;
using System.Text.Json.Serialization;
using OpenCvSharp;

namespace LiveDigits.Pipeline.Readings;

/// <summary>Writes a box as <c>[x,y,w,h]</c> and reads it back.</summary>
public sealed class BoxJsonConverter : JsonConverter<Rect>
{
    /// <inheritdoc/>
    public override Rect Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var values = JsonSerializer.Deserialize(ref reader, ReadingsJsonContext.Default.Int32Array);
        if (values is not { Length: 4 })
        {
            throw new JsonException("A box is an array of four integers [x,y,w,h].");
        }

        return new Rect(values[0], values[1], values[2], values[3]);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Rect value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        writer.WriteNumberValue(value.X);
        writer.WriteNumberValue(value.Y);
        writer.WriteNumberValue(value.Width);
        writer.WriteNumberValue(value.Height);
        writer.WriteEndArray();
    }
}
