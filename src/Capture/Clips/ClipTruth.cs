using System.Text.Json.Serialization;

namespace LiveDigits.Capture.Clips;

/// <summary>
/// The exact answers for a generated clip: what is written on the sheet, and where every digit and
/// number appears in every frame. Written as <c>truth.json</c>; the schema is described in docs/CLIPS.md.
/// </summary>
/// <param name="Version">The schema version, <see cref="CurrentVersion"/> when written by this code.</param>
/// <param name="Style">The clip's style, lower case.</param>
/// <param name="Seed">The seed the clip was made from.</param>
/// <param name="Width">Frame width in pixels.</param>
/// <param name="Height">Frame height in pixels.</param>
/// <param name="Fps">Frames per second.</param>
/// <param name="FrameCount">How many frames the clip has.</param>
/// <param name="Video">The video's file name, relative to the truth file.</param>
/// <param name="Digits">Every digit written on the sheet.</param>
/// <param name="Numbers">Every number written on the sheet.</param>
/// <param name="Frames">One entry per frame, in order.</param>
/// <param name="Spacing">The gaps between rows and numbers as a multiple of the usual ones (1 when absent).</param>
public sealed record ClipTruth(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("style")] string Style,
    [property: JsonPropertyName("seed")] int Seed,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height,
    [property: JsonPropertyName("fps")] double Fps,
    [property: JsonPropertyName("frameCount")] int FrameCount,
    [property: JsonPropertyName("video")] string Video,
    [property: JsonPropertyName("digits")] IReadOnlyList<ClipSheetDigit> Digits,
    [property: JsonPropertyName("numbers")] IReadOnlyList<ClipSheetNumber> Numbers,
    [property: JsonPropertyName("frames")] IReadOnlyList<ClipFrameTruth> Frames,
    [property: JsonPropertyName("spacing")] double Spacing = 1)
{
    /// <summary>The schema version this code writes. Bump it when the generator's output changes.</summary>
    public const int CurrentVersion = 4;
}
