using OpenCvSharp;

namespace LiveDigits.Capture.Sources;

/// <summary>
/// Brings any decoded image to what every stage expects: 8-bit, three channels, BGR, and no larger than a
/// working size.
/// </summary>
public static class ImageNormaliser
{
    /// <summary>The default longest side of a frame; larger photos are shrunk to it.</summary>
    public const int DefaultMaxSide = 1920;

    /// <summary>
    /// Converts <paramref name="image"/> to 8-bit BGR: grey is expanded, 16-bit and float are scaled to
    /// 0-255, a transparent image is laid on white paper; an image with a side above
    /// <paramref name="maxSide"/> is shrunk keeping its aspect ratio.
    /// </summary>
    /// <param name="image">A decoded image with 1, 3 or 4 channels; not changed.</param>
    /// <param name="maxSide">The longest side allowed.</param>
    /// <param name="scale">Source pixels per returned pixel (1 when not shrunk).</param>
    /// <returns>A new image the caller owns.</returns>
    /// <exception cref="NotSupportedException">The image has 2 or more than 4 channels.</exception>
    public static Mat ToBgr8(Mat image, int maxSide, out double scale)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSide, 1);

        // A huge image is shrunk first, at its own depth and channels: converting it at full size held a
        // 16-bit BGRA 8000x8000 photo several times over (1.8 GB at the peak; now 0.7 GB,
        // most of it the decoded image itself).
        scale = 1;
        var longest = Math.Max(image.Width, image.Height);
        if (longest <= maxSide || !CanShrink(image))
        {
            return Fit(ToBgr(image), maxSide, ref scale);
        }

        scale = (double)longest / maxSide;
        using var shrunk = new Mat();
        Cv2.Resize(image, shrunk, FittedSize(image.Size(), maxSide), interpolation: InterpolationFlags.Area);
        return ToBgr(shrunk);
    }

    /// <summary>The size <see cref="ToBgr8"/> gives an image of <paramref name="size"/>.</summary>
    /// <param name="size">The decoded image's size.</param>
    /// <param name="maxSide">The longest side allowed.</param>
    /// <returns>
    /// The size itself, or shrunk keeping its aspect ratio so that the longest side is <paramref name="maxSide"/>.
    /// </returns>
    public static Size FittedSize(Size size, int maxSide)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSide, 1);
        var longest = Math.Max(size.Width, size.Height);
        if (longest <= maxSide)
        {
            return size;
        }

        var scale = (double)longest / maxSide;
        return new Size(
            Math.Max(1, (int)Math.Round(size.Width / scale)),
            Math.Max(1, (int)Math.Round(size.Height / scale)));
    }

    // INTER_AREA averages these depths; others (8-bit signed, 32-bit integer) are converted before shrinking.
    private static bool CanShrink(Mat image) =>
        image.Depth() is MatType.CV_8U or MatType.CV_16U or MatType.CV_32F or MatType.CV_64F && image.Channels() <= 4;

    private static Mat ToBgr(Mat image)
    {
        using var eightBit = ToEightBit(image);
        return ToBgrFromEightBit(eightBit);
    }

    private static Mat Fit(Mat bgr, int maxSide, ref double scale)
    {
        var longest = Math.Max(bgr.Width, bgr.Height);
        if (longest <= maxSide)
        {
            return bgr;
        }

        using (bgr)
        {
            scale = (double)longest / maxSide;
            var shrunk = new Mat();
            Cv2.Resize(bgr, shrunk, FittedSize(bgr.Size(), maxSide), interpolation: InterpolationFlags.Area);
            return shrunk;
        }
    }

    private static Mat ToEightBit(Mat image)
    {
        var depth = image.Depth();
        var converted = new Mat();
        if (depth == MatType.CV_8U)
        {
            image.CopyTo(converted);
        }
        else if (depth == MatType.CV_16U)
        {
            image.ConvertTo(converted, MatType.CV_8U, 1.0 / 257);
        }
        else if (depth is MatType.CV_32F or MatType.CV_64F)
        {
            // Float images (EXR, HDR) hold light as 0-1; brighter values saturate like an overexposed photo.
            image.ConvertTo(converted, MatType.CV_8U, 255);
        }
        else
        {
            Cv2.Normalize(image, converted, 0, 255, NormTypes.MinMax, MatType.CV_8U);
        }

        return converted;
    }

    private static Mat ToBgrFromEightBit(Mat eightBit)
    {
        var bgr = new Mat();
        switch (eightBit.Channels())
        {
            case 1:
                Cv2.CvtColor(eightBit, bgr, ColorConversionCodes.GRAY2BGR);
                return bgr;
            case 3:
                eightBit.CopyTo(bgr);
                return bgr;
            case 4:
                OnWhite(eightBit, bgr);
                return bgr;
            default:
                bgr.Dispose();
                throw new NotSupportedException($"images with {eightBit.Channels()} channels are not supported");
        }
    }

    private static void OnWhite(Mat bgra, Mat bgr)
    {
        // Transparent pixels often carry black colour values; laid on white they read as blank paper.
        using var alpha = new Mat();
        Cv2.ExtractChannel(bgra, alpha, 3);
        using var alpha3 = new Mat();
        Cv2.CvtColor(alpha, alpha3, ColorConversionCodes.GRAY2BGR);
        using var colour = new Mat();
        Cv2.CvtColor(bgra, colour, ColorConversionCodes.BGRA2BGR);
        using var inverse = new Mat();
        Cv2.BitwiseNot(alpha3, inverse);
        using var ink = new Mat();
        Cv2.Multiply(colour, alpha3, ink, 1.0 / 255);
        Cv2.Add(ink, inverse, bgr);
    }
}
