using OpenCvSharp;

namespace LiveDigits.Tests.Overlay;

/// <summary>
/// Compares a rendered picture with a committed golden PNG in tests/data/golden, with a tolerance for
/// antialiasing differences between OpenCV builds. Set LIVEDIGITS_UPDATE_GOLDEN=1 to rewrite the goldens
/// after an intended change, then look at them before committing.
/// </summary>
internal static class GoldenImage
{
    // A pixel differs when any channel moves by more than this; a few such pixels are antialiasing noise.
    private const int ChannelTolerance = 48;
    private const double AllowedDifferingFraction = 0.005;

    public static string PathOf(string name) => Path.Combine(TestData.Folder, "golden", name);

    /// <summary>Returns the fraction of pixels that differ beyond the tolerance (1 when sizes differ).</summary>
    public static double Difference(Mat actual, string name)
    {
        var path = PathOf(name);
        if (Environment.GetEnvironmentVariable("LIVEDIGITS_UPDATE_GOLDEN") == "1")
        {
            Cv2.ImWrite(path, actual);
        }

        using var expected = Cv2.ImRead(path);
        if (expected.Empty() || expected.Size() != actual.Size())
        {
            return 1;
        }

        using var diff = new Mat();
        Cv2.Absdiff(actual, expected, diff);
        using var worst = new Mat();
        using var reshaped = diff.Reshape(1, diff.Rows * diff.Cols);
        Cv2.Reduce(reshaped, worst, ReduceDimension.Column, ReduceTypes.Max, MatType.CV_8U);
        using var differing = new Mat();
        Cv2.Threshold(worst, differing, ChannelTolerance, 255, ThresholdTypes.Binary);
        return Cv2.CountNonZero(differing) / (double)(actual.Rows * actual.Cols);
    }

    public static bool Matches(Mat actual, string name) => Difference(actual, name) <= AllowedDifferingFraction;
}
