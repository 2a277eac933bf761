using System.Text.Json.Serialization;
using LiveDigits.Capture;
using OpenCvSharp;

namespace LiveDigits.Pipeline.Readings;

/// <summary>One digit read in a frame: where it is, what it is, how sure the reader is.</summary>
/// <param name="Box">The digit's box in source-frame pixels.</param>
/// <param name="Digit">The digit, 0-9.</param>
/// <param name="Confidence">The probability of <paramref name="Digit"/>, 0-1.</param>
/// <param name="Track">The identity the digit keeps across frames; null where nothing is tracked.</param>
public sealed record DigitReading(
    [property: JsonPropertyName("box"), JsonConverter(typeof(BoxJsonConverter))] Rect Box,
    [property: JsonPropertyName("digit")] int Digit,
    [property: JsonPropertyName("confidence")] double Confidence,
    [property: JsonPropertyName("track"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    long? Track = null);
