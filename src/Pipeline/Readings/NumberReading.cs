using System.Text.Json.Serialization;
using LiveDigits.Capture;
using OpenCvSharp;

namespace LiveDigits.Pipeline.Readings;

/// <summary>A number: digits on one line, close together, in reading order.</summary>
/// <param name="Value">The digits as written, left to right (a string, so leading zeros survive).</param>
/// <param name="Box">The box around all its digits, in source-frame pixels.</param>
/// <param name="Confidence">The lowest confidence among its digits.</param>
public sealed record NumberReading(
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("box"), JsonConverter(typeof(BoxJsonConverter))] Rect Box,
    [property: JsonPropertyName("confidence")] double Confidence);
