using System.Text.Json;

namespace LiveDigits.Pipeline.Readings;

/// <summary>Reads and writes the JSON Lines form of <see cref="FrameReadings"/>: one frame per line.</summary>
public static class ReadingsJsonl
{
    /// <summary>Formats one frame's readings as a single line of JSON (no newline).</summary>
    /// <param name="readings">The frame's readings.</param>
    /// <returns>The JSON text.</returns>
    public static string ToLine(FrameReadings readings) =>
        JsonSerializer.Serialize(readings, ReadingsJsonContext.Default.FrameReadings);

    /// <summary>Parses one line written by <see cref="ToLine"/> (or by any tool keeping the schema).</summary>
    /// <param name="line">One JSON object.</param>
    /// <returns>The readings.</returns>
    /// <exception cref="JsonException">The line is not a frame's readings.</exception>
    public static FrameReadings ParseLine(string line)
    {
        try
        {
            return JsonSerializer.Deserialize(line, ReadingsJsonContext.Default.FrameReadings)
                ?? throw new JsonException("A readings line is a JSON object, not null.");
        }
        catch (JsonException e) when (LacksFrame(line))
        {
            // The serializer's own words name the .NET type; a user needs the field.
            throw new JsonException("\"frame\" is missing", e);
        }
    }

    /// <summary>Reads every non-empty line of a JSON Lines file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The frames, in file order.</returns>
    /// <exception cref="InvalidDataException">A line is not valid; the message names the file and line.</exception>
    public static IReadOnlyList<FrameReadings> ReadFile(string path)
    {
        var frames = new List<FrameReadings>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                frames.Add(ParseLine(line));
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}:{number}: not a readings line ({e.Message})", e);
            }
        }

        return frames;
    }

    private static bool LacksFrame(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("frame", out _);
        }
        catch (JsonException)
        {
            // Not JSON at all: the serializer's message says where it breaks.
            return false;
        }
    }
}
