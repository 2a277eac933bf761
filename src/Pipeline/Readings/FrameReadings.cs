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
    [property: JsonPropertyName("frame"), JsonRequired] long Frame,
    [property: JsonPropertyName("timeMs")] double TimeMs,
    IReadOnlyList<DigitReading> Digits,
    IReadOnlyList<NumberReading> Numbers,
    [property: JsonPropertyName("source"), JsonPropertyOrder(1),
        JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? Source = null)
{
    // A line another tool wrote may leave out a list it has nothing in ({"frame":3}); it reads as empty rather
    // than as null, which every consumer would trip over.

    /// <summary>Gets every digit read; never null.</summary>
    [JsonPropertyName("digits")]
    public IReadOnlyList<DigitReading> Digits { get; init; } = Digits ?? [];

    /// <summary>Gets every number the digits make, in reading order; never null.</summary>
    [JsonPropertyName("numbers")]
    public IReadOnlyList<NumberReading> Numbers { get; init; } = Numbers ?? [];
}
