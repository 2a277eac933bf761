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
        if (image.Type() == MatType.CV_8UC1 && image.IsContinuous())
        {
            return CentreOfMass8U(image);
        }

        var moments = Cv2.Moments(image);
        return moments.M00 <= 0
            ? new Point2d((image.Cols - 1) / 2.0, (image.Rows - 1) / 2.0)
            : new Point2d(moments.M10 / moments.M00, moments.M01 / moments.M00);
    }

    private static Point2d CentreOfMass8U(Mat image)
    {
        // The same sums as Cv2.Moments, taken here because OpenCV's grey-level moments cost about 0.3 ms of
        // CPU on a 28x28 image (binary ones 0.003 ms), a third of the normaliser's time at 64 candidates a
        // frame (docs/PERFORMANCE.md). Integer sums give exactly OpenCV's centroid.
        var pixels = image.AsSpan<byte>();
        var (rows, cols) = (image.Rows, image.Cols);
        long mass = 0, sumX = 0, sumY = 0;
        for (var y = 0; y < rows; y++)
        {
            var row = pixels.Slice(y * cols, cols);
            long rowMass = 0;
            for (var x = 0; x < row.Length; x++)
            {
                rowMass += row[x];
                sumX += (long)x * row[x];
            }

            mass += rowMass;
            sumY += y * rowMass;
        }

        return mass == 0
            ? new Point2d((cols - 1) / 2.0, (rows - 1) / 2.0)
            : new Point2d((double)sumX / mass, (double)sumY / mass);
    }

    /// <summary>Counts the non-zero pixels of an 8-bit image.</summary>
    public static int CountInk(Mat image)
    {
        // Counted here: OpenCV's CountNonZero and MinMaxLoc cost about 10 µs a call on our machines even on
        // a 4x4 image (CountNonZero in Intel IPP: 0.2 µs with OPENCV_IPP=disabled), several times the count
        // itself on a digit's canvas, and the normaliser needs them for every candidate.
        if (image.Type() != MatType.CV_8UC1 || !image.IsContinuous())
        {
            return Cv2.CountNonZero(image);
        }

        var count = 0;
        foreach (var pixel in image.AsSpan<byte>())
        {
            count += pixel == 0 ? 0 : 1;
        }

        return count;
    }

    /// <summary>Gets the largest pixel value of an 8-bit image (see <see cref="CountInk"/> for why here).</summary>
    public static byte MaxValue(Mat image)
    {
        if (image.Type() != MatType.CV_8UC1 || !image.IsContinuous())
        {
            Cv2.MinMaxLoc(image, out _, out double max);
            return (byte)max;
        }

        byte largest = 0;
        foreach (var pixel in image.AsSpan<byte>())
        {
            largest = Math.Max(largest, pixel);
        }

        return largest;
    }

    /// <summary>Shifts a 28x28 image so that its centre of mass falls on pixel (14, 14).</summary>
    public static Mat CentreByMass(Mat image)
    {
        var centre = CentreOfMass(image);
        return Shift(image, Side / 2.0 - centre.X, Side / 2.0 - centre.Y);
    }
}
