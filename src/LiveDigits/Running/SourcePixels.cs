using LiveDigits.Pipeline.Readings;
using OpenCvSharp;

namespace LiveDigits.App.Running;

/// <summary>
/// Maps readings from a shrunk frame's pixels back to the source image's, as the JSON Lines schema wants.
/// </summary>
public static class SourcePixels
{
    /// <summary>Scales every box by <paramref name="scale"/> (source pixels per frame pixel).</summary>
    /// <param name="readings">Readings in frame pixels.</param>
    /// <param name="scale">The frame's <c>SourceScale</c>.</param>
    /// <returns>The same readings when the scale is 1; otherwise a copy with boxes in source pixels.</returns>
    public static FrameReadings Of(FrameReadings readings, double scale)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (scale == 1)
        {
            return readings;
        }

        return readings with
        {
            Digits = [.. readings.Digits.Select(d => d with { Box = Scale(d.Box, scale) })],
            Numbers = [.. readings.Numbers.Select(n => n with { Box = Scale(n.Box, scale) })],
        };
    }

    private static Rect Scale(Rect box, double scale)
    {
        var left = (int)Math.Floor(box.X * scale);
        var top = (int)Math.Floor(box.Y * scale);
        var right = (int)Math.Ceiling(box.Right * scale);
        var bottom = (int)Math.Ceiling(box.Bottom * scale);
        return new Rect(left, top, right - left, bottom - top);
    }
}
