using OpenCvSharp;

namespace LiveDigits.Pipeline.Normalisation;

/// <summary>
/// The MNIST normalisation, used by every mode: crop to the ink, scale to fit 20x20 keeping the aspect
/// ratio, bring the stroke width close to MNIST's, and place in 28x28 with the centre of mass at (14, 14).
/// </summary>
/// <remarks>
/// The stroke is measured and corrected on a 4x work canvas (the 20-pixel box drawn 80 pixels tall) so
/// that one morphology step is fine enough for any input size: a fine-liner digit photographed 60 pixels
/// tall would otherwise shrink to a faint, broken 1-pixel trace, and a marker digit to a blob. The final
/// downscale uses area averaging, which gives MNIST's anti-aliased edges. Thread-safe: it holds no state.
/// </remarks>
public sealed class DigitNormaliser : ICandidateNormaliser
{
    /// <summary>The side of the box the ink is scaled to fit, as in MNIST.</summary>
    public const int InkBox = 20;

    /// <summary>
    /// The stroke width aimed at, in pixels of the 28x28 image: the median MNIST digit measures 2.2
    /// (10th-90th percentile 1.6-3.1) as twice the ink area over the contour length, measured on the
    /// 28x28 image enlarged 4x and thresholded at half grey.
    /// </summary>
    public const double TargetStrokeWidth = 2.2;

    // On the work canvas, before the area downscale softens the edges, a stroke reads thinner than on
    // the enlarged final image; this width there gives TargetStrokeWidth at the end (calibrated on MNIST).
    private const double WorkTargetWidth = 1.9;
    private const int WorkScale = 4;
    private const int WorkBox = InkBox * WorkScale;

    // The widest dilation (a stroke measured near 0: a 9x9 kernel for the 7.6-pixel target) reaches 4
    // pixels; one more keeps the ink off the border. A wider margin only adds pixels to every step: the
    // canvas was once a fixed 128x128, three times the area of a tall digit's canvas.
    private const int WorkMargin = 5;

    /// <summary>Gets or sets whether the stroke width is corrected (on by default; off for comparisons).</summary>
    public bool CorrectStrokeWidth { get; init; } = true;

    /// <inheritdoc/>
    public Mat Normalise(Mat ink)
    {
        InkImages.CheckInput(ink);

        using var binary = Binarise(ink);
        var box = Cv2.BoundingRect(binary);
        if (box.Width == 0 || box.Height == 0)
        {
            return Blank();
        }

        using var cropped = new Mat(binary, box);
        using var work = ToWorkCanvas(cropped);
        if (CorrectStrokeWidth)
        {
            AdjustStroke(work);
        }

        // Ink of a pixel or two can vanish when scaled to the work canvas (seen on fine hatching).
        if (InkImages.CountInk(work) == 0)
        {
            return Blank();
        }

        using var fitted = FitInkBox(work);
        return Place(fitted);
    }

    /// <summary>Measures the mean stroke width of a binary image as twice its area over its contour length.</summary>
    /// <param name="binary">A 0/255 image.</param>
    /// <returns>The width in pixels, or 0 where there is no ink.</returns>
    public static double StrokeWidth(Mat binary)
    {
        ArgumentNullException.ThrowIfNull(binary);
        var area = InkImages.CountInk(binary);
        if (area == 0)
        {
            return 0;
        }

        Cv2.FindContours(binary, out var contours, out _, RetrievalModes.List, ContourApproximationModes.ApproxNone);
        var length = contours.Sum(ClosedLength);
        return length <= 0 ? area : 2.0 * area / length;
    }

    private static double ClosedLength(Point[] contour)
    {
        // Summed here rather than by Cv2.ArcLength, which copies each contour back to native memory.
        var length = 0.0;
        for (var i = 0; i < contour.Length; i++)
        {
            var step = contour[(i + 1) % contour.Length] - contour[i];
            length += Math.Sqrt((step.X * step.X) + (step.Y * step.Y));
        }

        return length;
    }

    private static Mat Binarise(Mat ink)
    {
        var max = InkImages.MaxValue(ink);
        var binary = new Mat();
        Cv2.Threshold(ink, binary, Math.Max(0, (max / 2.0) - 1), 255, ThresholdTypes.Binary);
        return binary;
    }

    private static Mat ToWorkCanvas(Mat cropped)
    {
        var scale = (double)WorkBox / Math.Max(cropped.Cols, cropped.Rows);
        var size = new Size(
            Math.Clamp((int)Math.Round(cropped.Cols * scale), 1, WorkBox),
            Math.Clamp((int)Math.Round(cropped.Rows * scale), 1, WorkBox));
        var interpolation = scale < 1 ? InterpolationFlags.Area : InterpolationFlags.Linear;

        var canvas = new Mat(
            size.Height + (2 * WorkMargin),
            size.Width + (2 * WorkMargin),
            MatType.CV_8UC1,
            Scalar.All(0));
        var at = new Rect(WorkMargin, WorkMargin, size.Width, size.Height);
        using var target = new Mat(canvas, at);
        Cv2.Resize(cropped, target, size, 0, 0, interpolation);
        Cv2.Threshold(target, target, 127, 255, ThresholdTypes.Binary);
        return canvas;
    }

    private static void AdjustStroke(Mat work)
    {
        var width = StrokeWidth(work);
        var target = WorkTargetWidth * WorkScale;
        if (width <= 0)
        {
            return;
        }

        // Morphology steps are whole work pixels (a quarter pixel at 28x28), so the correction is nearly
        // continuous in the measured width: the same digit drawn at two sizes stays the same.
        var change = (int)Math.Round(Math.Abs(target - width));
        if (change < 2)
        {
            return;
        }

        if (width < target)
        {
            using var kernel = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(change + 1, change + 1));
            Cv2.Dilate(work, work, kernel);
        }
        else
        {
            ErodeKeepingShape(work, change + 1);
        }
    }

    private static void ErodeKeepingShape(Mat work, int diameter)
    {
        // Erosion thins a marker stroke, but a narrow part of the digit (the join of a 3 or a 4) may
        // break; the strongest erosion that keeps the digit in as many pieces as before is used.
        // Eroding by a disc keeps the pixels farther than its radius from the paper, so one distance
        // transform serves every diameter tried: an ellipse kernel as wide as a marker stroke cost more
        // than the rest of the normaliser.
        using var distance = new Mat();
        using var labels = new Mat();
        using var eroded = new Mat();
        Cv2.DistanceTransform(work, distance, DistanceTypes.L2, DistanceTransformMasks.Mask5);
        var pieces = Cv2.ConnectedComponents(work, labels);
        for (var d = diameter; d >= 3; d--)
        {
            Cv2.Compare(distance, (d - 1) / 2.0, eroded, CmpTypes.GT);
            if (InkImages.CountInk(eroded) > 0 && Cv2.ConnectedComponents(eroded, labels) <= pieces)
            {
                eroded.CopyTo(work);
                return;
            }
        }
    }

    private static Mat Blank() => new(InkImages.Side, InkImages.Side, MatType.CV_8UC1, Scalar.All(0));

    private static Mat FitInkBox(Mat work)
    {
        var box = Cv2.BoundingRect(work);
        using var ink = new Mat(work, box);
        var scale = (double)InkBox / Math.Max(box.Width, box.Height);
        var size = new Size(
            Math.Clamp((int)Math.Round(box.Width * scale), 1, InkBox),
            Math.Clamp((int)Math.Round(box.Height * scale), 1, InkBox));
        var fitted = new Mat();
        Cv2.Resize(ink, fitted, size, 0, 0, InterpolationFlags.Area);
        return fitted;
    }

    private static Mat Place(Mat fitted)
    {
        // Centring by mass moves the ink straight from the fitted image into the 28x28 one: placing it in
        // the middle first and shifting that copy gives the same pixels with one more image and copy.
        var centre = InkImages.CentreOfMass(fitted);
        return InkImages.Shift(fitted, (InkImages.Side / 2.0) - centre.X, (InkImages.Side / 2.0) - centre.Y);
    }
}
