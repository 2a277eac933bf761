using System.Text.Json.Serialization;
using OpenCvSharp;

namespace LiveDigits.Capture.Clips;

/// <summary>One number as it appears in one frame.</summary>
/// <param name="Id">The <see cref="ClipSheetNumber.Id"/>.</param>
/// <param name="Value">Its digits left to right.</param>
/// <param name="Box">The union of its digits' boxes in frame pixels.</param>
/// <param name="Ignore">True when any of its digits is ignored or out of view, so it cannot be read whole.</param>
public sealed record ClipNumberTruth(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("box"), JsonConverter(typeof(BoxJsonConverter))] Rect Box,
    [property: JsonPropertyName("ignore")] bool Ignore);
