using System.Text.Json.Serialization;

namespace LiveDigits.Capture.Clips;

/// <summary>One handwritten digit on the sheet: which MNIST test image it is, and which number it is in.</summary>
/// <param name="Id">The digit's identity, the same in every frame.</param>
/// <param name="Digit">The label, 0-9.</param>
/// <param name="MnistIndex">The position of the image in the MNIST test set.</param>
/// <param name="Number">The <see cref="ClipSheetNumber.Id"/> of the number it belongs to.</param>
public sealed record ClipSheetDigit(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("digit")] int Digit,
    [property: JsonPropertyName("mnistIndex")] int MnistIndex,
    [property: JsonPropertyName("number")] int Number);
