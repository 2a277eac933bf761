using LiveDigits.Capture.Clips;
using LiveDigits.Pipeline.Segmentation;
using OpenCvSharp;

namespace LiveDigits.Tests.Segmentation;

public sealed class InkComponentsTests
{
    [Theory]
    [InlineData("sheet_a.png")]
    [InlineData("sheet_b.png")]
    public void Label_RealPhoto_SameLabelsBoxesAndAreasAsOpenCv(string sheet)
    {
        using var photo = Cv2.ImRead(Path.Combine(TestData.Folder, "real", sheet));
        using var mask = InkMask(photo);

        AssertSameAsOpenCv(mask);
    }

    [Theory]
    [InlineData(ClipStyle.Plain)]
    [InlineData(ClipStyle.Hard)]
    public void Label_ClipFrame_SameLabelsBoxesAndAreasAsOpenCv(ClipStyle style)
    {
        var options = new ClipOptions(style, Seed: 11, FrameCount: 4, Width: 1280, Height: 720);
        using var generator = new ClipGenerator(options, TestData.MnistTest);
        using var frame = new Mat();
        generator.Render(2, frame);
        using var mask = InkMask(frame);

        AssertSameAsOpenCv(mask);
    }

    [Fact]
    public void Label_PiecesTouchingEveryEdge_BoxesReachTheEdges()
    {
        using var mask = new Mat(40, 60, MatType.CV_8UC1, Scalar.All(0));
        mask.Set(0, 0, (byte)255);
        Cv2.Rectangle(mask, new Rect(50, 30, 10, 10), Scalar.All(255), -1);
        Cv2.Line(mask, new Point(20, 5), new Point(30, 25), Scalar.All(255));
        using var labels = new Mat();

        var (boxes, areas, _) = InkComponents.Label(mask, labels);

        Assert.Equal([new Rect(0, 0, 1, 1), new Rect(20, 5, 11, 21), new Rect(50, 30, 10, 10)], boxes[1..]);
        Assert.Equal(1, areas[1]);
        Assert.Equal(100, areas[3]);
    }

    [Fact]
    public void Label_PieceWhoseTopRowIsNotItsLeftmost_FirstPixelIsTheTopRowsLeftmost()
    {
        using var mask = new Mat(30, 40, MatType.CV_8UC1, Scalar.All(0));
        Cv2.Line(mask, new Point(25, 4), new Point(5, 20), Scalar.All(255));
        Cv2.Line(mask, new Point(22, 4), new Point(30, 4), Scalar.All(255));
        using var labels = new Mat();

        var (boxes, _, firsts) = InkComponents.Label(mask, labels);

        Assert.Equal(2, boxes.Length);
        Assert.Equal(new Point(22, 4), firsts[1]);
        Assert.Equal(1, labels.At<int>(firsts[1].Y, firsts[1].X));
    }

    private static Mat InkMask(Mat bgr)
    {
        using var grey = bgr.CvtColor(ColorConversionCodes.BGR2GRAY);
        return InkBinariser.Binarise(grey);
    }

    private static void AssertSameAsOpenCv(Mat mask)
    {
        using var expectedLabels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        var count = Cv2.ConnectedComponentsWithStats(mask, expectedLabels, stats, centroids);
        using var labels = new Mat();

        var (boxes, areas, firsts) = InkComponents.Label(mask, labels);

        Assert.True(count > 10, $"only {count} pieces: the mask does not exercise the labelling");
        Assert.Equal(count, boxes.Length);
        using var differ = new Mat();
        Cv2.Compare(labels, expectedLabels, differ, CmpTypes.NE);
        Assert.Equal(0, Cv2.CountNonZero(differ));
        for (var label = 1; label < count; label++)
        {
            var expected = new Rect(
                stats.At<int>(label, 0),
                stats.At<int>(label, 1),
                stats.At<int>(label, 2),
                stats.At<int>(label, 3));
            Assert.Equal(expected, boxes[label]);
            Assert.Equal(stats.At<int>(label, 4), areas[label]);
        }

        Assert.Equal(FirstPixels(expectedLabels, count), firsts);
    }

    /// <summary>Each label's first pixel in reading order, found by visiting every pixel.</summary>
    private static Point[] FirstPixels(Mat labels, int count)
    {
        var firsts = new Point[count];
        var seen = new bool[count];
        var cols = labels.Cols;
        var all = labels.AsSpan<int>();
        for (var i = 0; i < all.Length; i++)
        {
            if (all[i] > 0 && !seen[all[i]])
            {
                seen[all[i]] = true;
                firsts[all[i]] = new Point(i % cols, i / cols);
            }
        }

        return firsts;
    }
}
