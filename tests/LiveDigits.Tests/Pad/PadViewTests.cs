using LiveDigits.Overlay.Pad;
using OpenCvSharp;

namespace LiveDigits.Tests.Pad;

public sealed class PadViewTests
{
    [Fact]
    public void Render_AnyReading_ShowsTheWholeCanvasUnscaledBesideThePanel()
    {
        using var canvas = new PadCanvas();
        canvas.Draw([[new Point(5, 5), new Point(395, 395)]]);
        var reading = new PadReading(PadReadingKind.Digit, "7", 0.9, [new(7, 0.9f), new(1, 0.05f), new(2, 0.01f)],
            [Enumerable.Repeat((byte)255, 784).ToArray()]);
        using var window = new Mat();

        PadView.Render(canvas.Image, reading, "7 (90.0%)", fromCamera: false, window);

        Assert.Equal(new Size(400 + PadView.PanelWidth, 400), window.Size());
        using var canvasArea = new Mat(window, new Rect(0, 0, 400, 400));
        using var grey = new Mat();
        Cv2.CvtColor(canvasArea, grey, ColorConversionCodes.BGR2GRAY);
        using var difference = new Mat();
        Cv2.Absdiff(grey, canvas.Image, difference);
        Assert.Equal(0, Cv2.CountNonZero(difference));
    }

    [Fact]
    public void Render_NetworkView_IsDrawnInThePanel()
    {
        using var canvas = new PadCanvas();
        var white = new PadReading(PadReadingKind.Digit, "1", 1, [], [Enumerable.Repeat((byte)255, 784).ToArray()]);
        using var withView = new Mat();
        using var withoutView = new Mat();

        PadView.Render(canvas.Image, white, null, fromCamera: true, withView);
        PadView.Render(canvas.Image, null, null, fromCamera: true, withoutView);

        using var panelWith = new Mat(withView, new Rect(400, 0, PadView.PanelWidth, 400));
        using var panelWithout = new Mat(withoutView, new Rect(400, 0, PadView.PanelWidth, 400));
        Assert.True(Cv2.Mean(panelWith).Val1 > Cv2.Mean(panelWithout).Val1 + 20);
    }
}
