using OpenCvSharp;

namespace LiveDigits.Pipeline.Normalisation;

/// <summary>Checks and measurements shared by the normalisers.</summary>
internal static class InkImages
{
    public const int Side = 28;

    public static void CheckInput(Mat ink)
    {
        ArgumentNullException.ThrowIfNull(ink);
        if (ink.IsDisposed || ink.Empty())
        {
            throw new ArgumentException("The candidate image is empty.", nameof(ink));
        }

        if (ink.Type() != MatType.CV_8UC1)
        {
            throw new ArgumentException(
                $"The candidate image has type {ink.Type()}; a normaliser takes an 8-bit single-channel mask.",
                nameof(ink));
        }
    }

    /// <summary>Moves an image by a sub-pixel offset into a new 28x28 image.</summary>
    public static Mat Shift(Mat source, double dx, double dy)
    {
        using var transform = new Mat(2, 3, MatType.CV_64FC1);
        transform.Set(0, 0, 1.0);
        transform.Set(0, 1, 0.0);
        transform.Set(0, 2, dx);
        transform.Set(1, 0, 0.0);
        transform.Set(1, 1, 1.0);
        transform.Set(1, 2, dy);
        var shifted = new Mat();
        Cv2.WarpAffine(
            source,
            shifted,
            transform,
            new Size(Side, Side),
            InterpolationFlags.Linear,
            BorderTypes.Constant,
            Scalar.All(0));
        return shifted;
    }

    /// <summary>Gets the centre of mass of an image's intensity, or its centre when it is black.</summary>
    public static Point2d CentreOfMass(Mat image)
    {
        var moments = Cv2.Moments(image);
        return moments.M00 <= 0
            ? new Point2d((image.Cols - 1) / 2.0, (image.Rows - 1) / 2.0)
            : new Point2d(moments.M10 / moments.M00, moments.M01 / moments.M00);
    }

    /// <summary>Shifts a 28x28 image so that its centre of mass falls on pixel (14, 14).</summary>
    public static Mat CentreByMass(Mat image)
    {
        var centre = CentreOfMass(image);
        return Shift(image, Side / 2.0 - centre.X, Side / 2.0 - centre.Y);
    }
}
