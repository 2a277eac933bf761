using LiveDigits.Overlay;
using LiveDigits.Pipeline.Readings;
using OpenCvSharp;

namespace LiveDigits.Tests.Overlay;

/// <summary>The overlay's status line: a stream's rate and latency, a still image's name and readings.</summary>
public sealed class StatusLineTests
{
    private static readonly Size s_frame = new(640, 480);
    private static readonly OverlayStatus s_live = new(24.5, TimeSpan.FromMilliseconds(38), 5, 0);

    [Fact]
    public void StatusText_StillImage_NamesTheImageAndWhatWasReadInsteadOfFpsAndLatency()
    {
        var readings = new FrameReadings(
            1,
            0,
            [new DigitReading(new Rect(10, 10, 20, 30), 4, 0.9), new DigitReading(new Rect(40, 10, 20, 30), 2, 0.9)],
            [new NumberReading("42", new Rect(10, 10, 50, 30), 0.9)]);
        var still = s_live with { Candidates = 3, Image = new StillImage("page.png", 2, 5) };

        var text = OverlayRenderer.StatusText(still, readings, s_frame);

        Assert.Equal("page.png  2 of 5  digits 2  numbers 1  candidates 3", text);
    }

    [Fact]
    public void StatusText_StillImageWithALongName_CutFromTheStartToFitThePicture()
    {
        var readings = new FrameReadings(0, 0, [], []);
        var name = string.Concat(Enumerable.Repeat("scan-", 30)) + "page-17.png";
        var still = s_live with { Image = new StillImage(name, 1, 1) };

        var text = OverlayRenderer.StatusText(still, readings, s_frame);

        // At 480 rows the status line is drawn at font scale 0.5, weight 1, 4 px from each side.
        Assert.StartsWith("...", text, StringComparison.Ordinal);
        Assert.EndsWith("page-17.png  digits 0  numbers 0  candidates 5", text, StringComparison.Ordinal);
        Assert.InRange(Cv2.GetTextSize(text, HersheyFonts.HersheySimplex, 0.5, 1, out _).Width, 1, s_frame.Width - 8);
    }

    [Fact]
    public void StatusText_StillImageOnANarrowPicture_DropsCandidatesBeforeWhatWasRead()
    {
        var readings = new FrameReadings(0, 0, [], []);
        var still = s_live with { Candidates = 25, Image = new StillImage("sheet_b.png", 1, 1) };

        var text = OverlayRenderer.StatusText(still, readings, new Size(410, 594));

        // The real sheet_b.png is 410 x 594: the whole line does not fit at its font scale (0.62).
        Assert.Equal("sheet_b.png  digits 0  numbers 0", text);
    }

    [Fact]
    public void StatusText_Stream_KeepsFpsLatencyAndDropped()
    {
        var text = OverlayRenderer.StatusText(s_live, new FrameReadings(0, 0, [], []), s_frame);

        Assert.Equal("24.5 fps  latency 38 ms  candidates 5  dropped 0", text);
    }
}
