using OpenCvSharp;

namespace LiveDigits.Tests.Normalisation;

/// <summary>Draws digits as white ink on black, at a chosen place, size and pen width.</summary>
internal static class SyntheticInk
{
    public static Mat Digit(
        char digit,
        int canvasWidth = 200,
        int canvasHeight = 200,
        Point? at = null,
        double scale = 2,
        int thickness = 4)
    {
        var canvas = new Mat(canvasHeight, canvasWidth, MatType.CV_8UC1, Scalar.All(0));
        var origin = at ?? new Point(canvasWidth / 4, canvasHeight * 3 / 4);
        Cv2.PutText(
            canvas,
            digit.ToString(),
            origin,
            HersheyFonts.HersheySimplex,
            scale,
            Scalar.All(255),
            thickness,
            LineTypes.AntiAlias);
        return canvas;
    }

    public static double MeanAbsoluteDifference(Mat a, Mat b)
    {
        using var difference = new Mat();
        Cv2.Absdiff(a, b, difference);
        return Cv2.Mean(difference).Val0;
    }
}
