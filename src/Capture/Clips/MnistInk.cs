using LiveDigits.Capture.Mnist;
using OpenCvSharp;

namespace LiveDigits.Capture.Clips;

/// <summary>Turns an MNIST test image into a pen stroke shape at a chosen height and stroke width.</summary>
internal static class MnistInk
{
    /// <summary>
    /// MNIST strokes are about 2.6 px wide in a digit about 20 px high; scaling keeps that ratio, which
    /// we then move toward the pen's real width.
    /// </summary>
    private const double MnistStrokeRatio = 0.13;

    /// <summary>The cover above which a pixel counts as ink for the ground-truth box.</summary>
    public const double InkThreshold = 0.3;

    /// <summary>
    /// Renders image <paramref name="index"/> as a float alpha (0-1) whose ink is
    /// <paramref name="height"/> pixels high, with a margin so soft edges are not cut.
    /// </summary>
    public static Mat Render(MnistSet mnist, int index, double height, double strokeWidth, double softness)
    {
        using var digit = mnist.ToMat(index);
        using var inkMask = new Mat();
        Cv2.Threshold(digit, inkMask, 20, 255, ThresholdTypes.Binary);
        var crop = Cv2.BoundingRect(inkMask);
        using var cropped = new Mat(digit, crop);

        var scale = height / crop.Height;
        var size = new Size(Math.Max(1, (int)Math.Round(crop.Width * scale)), Math.Max(1, (int)Math.Round(height)));
        using var scaled = new Mat();
        Cv2.Resize(cropped, scaled, size, 0, 0, InterpolationFlags.Cubic);

        var margin = (int)Math.Ceiling(Math.Max(4, strokeWidth + (3 * softness)));
        var alpha8 = new Mat();
        Cv2.CopyMakeBorder(scaled, alpha8, margin, margin, margin, margin, BorderTypes.Constant, Scalar.All(0));
        ChangeStrokeWidth(alpha8, height, strokeWidth);

        var alpha = new Mat();
        alpha8.ConvertTo(alpha, MatType.CV_32FC1, 1.0 / 255);
        alpha8.Dispose();
        if (softness > 0)
        {
            Cv2.GaussianBlur(alpha, alpha, new Size(0, 0), softness);
        }

        return alpha;
    }

    /// <summary>The ink's convex hull inside <paramref name="alpha"/>, moved by <paramref name="origin"/>.</summary>
    public static Point2f[] Hull(Mat alpha, Point origin)
    {
        using var ink = new Mat();
        Cv2.Threshold(alpha, ink, InkThreshold, 255, ThresholdTypes.Binary);
        using var ink8 = new Mat();
        ink.ConvertTo(ink8, MatType.CV_8UC1);
        Cv2.FindContours(
            ink8, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        var points = contours.SelectMany(c => c).ToArray();
        return Cv2.ConvexHull(points)
            .Select(p => new Point2f(p.X + origin.X, p.Y + origin.Y))
            .ToArray();
    }

    private static void ChangeStrokeWidth(Mat alpha8, double height, double strokeWidth)
    {
        // Erosion may not thin a stroke below 40% of MNIST's, or thin parts of the digit would vanish; nobody
        // writes a digit whose stroke is a fifth of its height, so a marker on a small digit stays legible.
        var current = MnistStrokeRatio * height;
        var wanted = Math.Clamp(strokeWidth, 0.4 * current, 0.2 * height);
        var radius = (int)Math.Round(Math.Abs(wanted - current) / 2);
        if (radius == 0)
        {
            return;
        }

        using var kernel = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size((2 * radius) + 1, (2 * radius) + 1));
        if (wanted < current)
        {
            Cv2.Erode(alpha8, alpha8, kernel);
        }
        else
        {
            Cv2.Dilate(alpha8, alpha8, kernel);
        }
    }
}
