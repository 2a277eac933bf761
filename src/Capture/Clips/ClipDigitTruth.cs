using System.Text.Json.Serialization;
using OpenCvSharp;

namespace LiveDigits.Capture.Clips;

/// <summary>One digit as it appears in one frame.</summary>
/// <param name="Id">The <see cref="ClipSheetDigit.Id"/>.</param>
/// <param name="Digit">The label, 0-9.</param>
/// <param name="Box">The tight box of its ink in frame pixels, clipped to the frame.</param>
/// <param name="Ignore">
/// True when the digit is mostly out of view or hidden by the hand: a reader is neither required to
/// read it nor penalised for reading it.
/// </param>
public sealed record ClipDigitTruth(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("digit")] int Digit,
    [property: JsonPropertyName("box"), JsonConverter(typeof(BoxJsonConverter))] Rect Box,
    [property: JsonPropertyName("ignore")] bool Ignore);
