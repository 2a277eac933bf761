using System.Text.Json.Serialization;

namespace LiveDigits.Capture.Clips;

/// <summary>What is visible in one frame.</summary>
/// <param name="Frame">The 0-based frame index.</param>
/// <param name="TimeMs">The frame's timestamp in milliseconds.</param>
/// <param name="Digits">Every digit at least partly in view; hard-to-see ones are flagged ignore.</param>
/// <param name="Numbers">Every number with at least one digit in view.</param>
public sealed record ClipFrameTruth(
    [property: JsonPropertyName("frame")] int Frame,
    [property: JsonPropertyName("timeMs")] double TimeMs,
    [property: JsonPropertyName("digits")] IReadOnlyList<ClipDigitTruth> Digits,
    [property: JsonPropertyName("numbers")] IReadOnlyList<ClipNumberTruth> Numbers);
