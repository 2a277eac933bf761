using System.Text.Json.Serialization;

namespace LiveDigits.Capture.Clips;

/// <summary>One number on the sheet: 1-6 digits written close together on one line.</summary>
/// <param name="Id">The number's identity, the same in every frame.</param>
/// <param name="Value">Its digits left to right, as a string so that leading zeros survive.</param>
/// <param name="Digits">The ids of its digits, left to right.</param>
public sealed record ClipSheetNumber(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("digits")] IReadOnlyList<int> Digits);
