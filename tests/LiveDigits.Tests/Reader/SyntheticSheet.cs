using OpenCvSharp;

namespace LiveDigits.Tests.Reader;

/// <summary>Draws dark digits on a light page, as a camera would see a printed sheet.</summary>
internal static class SyntheticSheet
{
    public static Mat Page(int width, int height, IEnumerable<(string Text, Point At)> lines, double scale = 1.6)
    {
        var page = new Mat(height, width, MatType.CV_8UC3, new Scalar(235, 238, 240));
        foreach (var (text, at) in lines)
        {
            var x = at.X;
            foreach (var digit in text)
            {
                Cv2.PutText(
                    page,
                    digit.ToString(),
                    new Point(x, at.Y),
                    HersheyFonts.HersheySimplex,
                    scale,
                    new Scalar(40, 30, 30),
                    (int)Math.Max(2, Math.Round(scale * 2)),
                    LineTypes.AntiAlias);
                x += (int)(scale * 30);
            }
        }

        return page;
    }
}
