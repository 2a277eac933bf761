using LiveDigits.Overlay;
using LiveDigits.Pipeline.Reader;
using LiveDigits.Pipeline.Readings;
using OpenCvSharp;

namespace LiveDigits.Tests.Overlay;

public sealed class OverlayRendererTests
{
    [Fact]
    public void Render_DigitsNumberAndStatus_MatchesTheGolden()
    {
        using var frame = Sheet();
        var readings = Readings();
        var status = new OverlayStatus(24.5, TimeSpan.FromMilliseconds(38), 5, 2);

        using var annotated = OverlayRenderer.Render(frame, readings, status);

        Assert.True(GoldenImage.Matches(annotated, "overlay-sheet.png"),
            $"differs from overlay-sheet.png by {GoldenImage.Difference(annotated, "overlay-sheet.png"):P2}");
    }

    [Fact]
    public void Render_AnyReadings_LeavesTheFrameItselfUntouched()
    {
        using var frame = Sheet();
        using var before = frame.Clone();

        using var annotated = OverlayRenderer.Render(frame, Readings(), status: null);

        Assert.Equal(0, Cv2.Norm(frame, before, NormTypes.L1));
        Assert.NotEqual(0, Cv2.Norm(frame, annotated, NormTypes.L1));
    }

    [Fact]
    public void Render_BoxAtTheTopEdge_PutsItsLabelBelowTheBoxInsideThePicture()
    {
        using var frame = new Mat(120, 160, MatType.CV_8UC3, Scalar.White);
        var readings = new FrameReadings(0, 0, [new DigitReading(new Rect(2, 0, 20, 30), 4, 0.9)], []);

        using var annotated = OverlayRenderer.Render(frame, readings, status: null);

        // No room above: the label's green background is under the box, and the digit's top stays clear.
        Assert.Equal(new Vec3b(60, 200, 40), annotated.At<Vec3b>(30, 2));
        Assert.Equal(new Vec3b(255, 255, 255), annotated.At<Vec3b>(2, 5));
    }

    [Fact]
    public void DebugView_BinaryAndInputs_MatchesTheGolden()
    {
        using var frame = Sheet();
        var binary = new Mat();
        using (var grey = frame.CvtColor(ColorConversionCodes.BGR2GRAY))
        {
            Cv2.Threshold(grey, binary, 128, 255, ThresholdTypes.BinaryInv);
        }

        var inputs = Readings().Digits.Select(d =>
        {
            using var crop = new Mat(binary, d.Box);
            var input = new Mat();
            Cv2.Resize(crop, input, new Size(28, 28));
            return (d.Box, input);
        }).ToList();
        using var analysis = new FrameAnalysis(Readings(), inputs.Count, TimeSpan.Zero, binary, inputs);

        using var view = DebugView.Render(analysis, frame.Size());

        Assert.True(GoldenImage.Matches(view, "debug-sheet.png"),
            $"differs from debug-sheet.png by {GoldenImage.Difference(view, "debug-sheet.png"):P2}");
    }

    /// <summary>A small page with three hand-drawn-looking digits, 2 0 7, the first two one number.</summary>
    private static Mat Sheet()
    {
        var sheet = new Mat(240, 320, MatType.CV_8UC3, new Scalar(225, 232, 236));
        var ink = new Scalar(90, 40, 30);
        Cv2.Ellipse(sheet, new Point(70, 110), new Size(14, 20), 0, 180, 360, ink, 4);
        Cv2.Line(sheet, new Point(84, 112), new Point(56, 140), ink, 4);
        Cv2.Line(sheet, new Point(56, 140), new Point(88, 140), ink, 4);
        Cv2.Ellipse(sheet, new Point(125, 116), new Size(15, 24), 0, 0, 360, ink, 4);
        Cv2.Line(sheet, new Point(220, 170), new Point(250, 170), ink, 4);
        Cv2.Line(sheet, new Point(250, 170), new Point(232, 212), ink, 4);
        return sheet;
    }

    private static FrameReadings Readings() => new(
        7,
        280,
        [
            new DigitReading(new Rect(52, 86, 40, 58), 2, 0.97),
            new DigitReading(new Rect(106, 88, 38, 54), 0, 0.995),
            new DigitReading(new Rect(214, 164, 40, 52), 7, 0.61),
        ],
        [
            new NumberReading("20", new Rect(52, 86, 92, 58), 0.97),
            new NumberReading("7", new Rect(214, 164, 40, 52), 0.61),
        ]);
}
