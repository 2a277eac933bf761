using OpenCvSharp;

namespace LiveDigits.Pipeline.Segmentation;

/// <summary>
/// Removes ruled and grid lines from an ink mask and mends the digit strokes they crossed.
/// </summary>
/// <remarks>
/// A rule is found as a long straight segment (probabilistic Hough transform on a half-size mask), at
/// any angle, so perspective and a rolled camera do not hide it; no handwritten digit holds a straight
/// run a fifth of the frame long. The rule's pixels are cleared, then a stroke that crossed the rule is
/// bridged where ink lies just above and below it (a vertical closing limited to the rule's band). A
/// digit stroke that runs exactly along a rule (the foot of a 2 written on the line) is lost with it.
/// </remarks>
internal static class RuleLineRemover
{
    public static int Remove(Mat binary)
    {
        var shortSide = Math.Min(binary.Rows, binary.Cols);
        using var half = new Mat();
        Cv2.Resize(binary, half, new Size(binary.Cols / 2, binary.Rows / 2), 0, 0, InterpolationFlags.Area);
        Cv2.Threshold(half, half, 60, 255, ThresholdTypes.Binary);
        var minLength = Math.Max(40, shortSide / 10);
        var segments = Cv2.HoughLinesP(half, 1, Math.PI / 360, minLength / 2, minLength, 4);
        if (segments.Length == 0)
        {
            return 0;
        }

        var thickness = Math.Max(3, (int)Math.Round(shortSide / 200.0));
        using var rules = new Mat(binary.Size(), MatType.CV_8UC1, Scalar.All(0));
        foreach (var segment in segments)
        {
            Cv2.Line(rules, segment.P1 * 2, segment.P2 * 2, Scalar.All(255), thickness);
        }

        using var onRules = new Mat();
        Cv2.BitwiseAnd(binary, rules, onRules);
        Cv2.Subtract(binary, rules, binary);

        // A stroke crossing a rule continues on both sides; closing across the band restores it, in any
        // direction, since grid lines cross digits both ways.
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(thickness + 3, thickness + 3));
        using var closed = new Mat();
        Cv2.MorphologyEx(binary, closed, MorphTypes.Close, kernel);
        Cv2.BitwiseAnd(closed, onRules, closed);
        Cv2.BitwiseOr(binary, closed, binary);
        return segments.Length;
    }
}
