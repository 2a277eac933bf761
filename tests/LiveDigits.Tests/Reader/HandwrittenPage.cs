using OpenCvSharp;

namespace LiveDigits.Tests.Reader;

/// <summary>
/// Writes MNIST test digits in dark ink on a light page, enlarged as a camera close up would see them.
/// </summary>
internal sealed class HandwrittenPage : IDisposable
{
    public const int Scale = 3;

    // The ink is laid on as a darkening mask, so overlapping digits join where their strokes meet.
    private readonly Mat _ink;

    public HandwrittenPage(int width, int height) => _ink = new Mat(height, width, MatType.CV_8UC1, Scalar.All(0));

    /// <summary>Finds the first MNIST test image of a digit.</summary>
    public static int First(int digit)
    {
        var set = TestData.MnistTest;
        return Enumerable.Range(0, set.Count).First(i => set.Label(i) == digit);
    }

    /// <summary>Finds the <paramref name="n"/>th (0-based) MNIST test image of a digit.</summary>
    public static int Nth(int digit, int n)
    {
        var set = TestData.MnistTest;
        return Enumerable.Range(0, set.Count).Where(i => set.Label(i) == digit).Skip(n).First();
    }

    /// <summary>
    /// Writes MNIST image <paramref name="index"/>, its 28x28 cell enlarged, with its top left at a point.
    /// </summary>
    public void Write(int index, Point at, double widen = 1.0, Action<Mat>? edit = null)
    {
        using var digit = TestData.MnistTest.ToMat(index);
        using var large = new Mat();
        var side = 28 * Scale;
        Cv2.Resize(digit, large, new Size((int)(side * widen), side), 0, 0, InterpolationFlags.Linear);
        edit?.Invoke(large);
        using var region = new Mat(_ink, new Rect(at, large.Size()));
        Cv2.Max(region, large, region);
    }

    /// <summary>
    /// Renders the page: paper (235, 238, 240) darkened to pen ink, (40, 30, 30) unless given, under the strokes.
    /// </summary>
    public Mat Render(Scalar? pen = null)
    {
        using var cover = new Mat();
        _ink.ConvertTo(cover, MatType.CV_32F, 1 / 255.0);
        using var cover3 = new Mat();
        Cv2.Merge([cover, cover, cover], cover3);
        using var paper = new Mat(_ink.Size(), MatType.CV_32FC3, new Scalar(235, 238, 240));
        using var ink = new Mat(_ink.Size(), MatType.CV_32FC3, pen ?? new Scalar(40, 30, 30));
        using var keep = new Mat();
        Cv2.Subtract(Scalar.All(1), cover3, keep);
        using var page = new Mat();
        Cv2.Multiply(paper, keep, page);
        Cv2.Multiply(ink, cover3, cover3);
        Cv2.Add(page, cover3, page);
        var bgr = new Mat();
        page.ConvertTo(bgr, MatType.CV_8UC3);
        return bgr;
    }

    public void Dispose() => _ink.Dispose();
}
