using System.Text.Json.Serialization;

namespace LiveDigits.Pipeline.Readings;

/// <summary>
/// Everything read in one frame; one line of the <c>--jsonl</c> output:
/// <c>{"frame":12,"timeMs":400.0,"digits":[...],"numbers":[...]}</c>, plus <c>"source"</c> for images.
/// </summary>
/// <param name="Frame">The 0-based index of the frame in its source (for images, the image's position).</param>
/// <param name="TimeMs">The frame's timestamp in milliseconds from the start of the source.</param>
/// <param name="Digits">Every digit read.</param>
/// <param name="Numbers">Every number the digits make, in reading order.</param>
/// <param name="Source">The image file, for image inputs; otherwise null and left out.</param>
public sealed record FrameReadings(
    [property: JsonPropertyName("frame")] long Frame,
    [property: JsonPropertyName("timeMs")] double TimeMs,
    [property: JsonPropertyName("digits")] IReadOnlyList<DigitReading> Digits,
    [property: JsonPropertyName("numbers")] IReadOnlyList<NumberReading> Numbers,
    [property: JsonPropertyName("source"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? Source = null);
