using System.Text.Json;
using System.Text.Json.Serialization;
using OpenCvSharp;

namespace LiveDigits.Capture;

/// <summary>
/// Writes a box as <c>[x,y,w,h]</c> and reads it back: the one box form of the readings' JSON Lines and of
/// the clips' ground truth, so the scorer compares like with like.
/// </summary>
public sealed class BoxJsonConverter : JsonConverter<Rect>
{
    /// <inheritdoc/>
    public override Rect Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        const string Shape = "A box is an array of four integers [x,y,w,h].";
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException(Shape);
        }

        Span<int> values = stackalloc int[4];
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (count == values.Length || reader.TokenType != JsonTokenType.Number)
            {
                throw new JsonException(Shape);
            }

            values[count++] = reader.GetInt32();
        }

        if (count != values.Length)
        {
            throw new JsonException(Shape);
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
