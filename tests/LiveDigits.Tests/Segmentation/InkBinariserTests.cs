using LiveDigits.Pipeline.Segmentation;
using OpenCvSharp;

namespace LiveDigits.Tests.Segmentation;

public sealed class InkBinariserTests
{
    [Fact]
    public void Binarise_StrokeInDeepShadow_KeepsStrokeAndNoPaper()
    {
        using var grey = ShadowedPage();
        Cv2.Line(grey, new Point(250, 40), new Point(250, 110), Scalar.All(40), 3);

        using var mask = InkBinariser.Binarise(grey);

        using var stroke = new Mat(mask, new Rect(245, 40, 11, 71));
        using var paper = new Mat(mask, new Rect(0, 0, 200, 150));
        Assert.True(Cv2.CountNonZero(stroke) >= 3 * 60, "the stroke in the shadow is ink");
        Assert.Equal(0, Cv2.CountNonZero(paper));
    }

    [Fact]
    public void Binarise_PaleBlueRuleThroughBlackStroke_DropsRuleKeepsStroke()
    {
        using var page = new Mat(150, 300, MatType.CV_8UC3, new Scalar(235, 240, 240));
        Cv2.Line(page, new Point(0, 75), new Point(299, 75), new Scalar(225, 170, 130), 2);
        Cv2.Line(page, new Point(150, 40), new Point(150, 110), new Scalar(30, 30, 30), 3);
        using var grey = new Mat();
        Cv2.CvtColor(page, grey, ColorConversionCodes.BGR2GRAY);
        // The blue channel is the brightest of this page.
        using var brightest = page.ExtractChannel(0);

        using var mask = InkBinariser.Binarise(grey, brightest);

        using var rule = new Mat(mask, new Rect(0, 70, 120, 10));
        using var stroke = new Mat(mask, new Rect(145, 40, 11, 71));
        Assert.Equal(0, Cv2.CountNonZero(rule));
        Assert.True(Cv2.CountNonZero(stroke) >= 3 * 60, "the stroke is ink");
    }

    // Paper lit from the left: 245 at the left edge falling to 110 at the right, as under a hand's shadow.
    private static Mat ShadowedPage()
    {
        const int width = 300;
        using var ramp = new Mat(1, width, MatType.CV_8UC1);
        for (var x = 0; x < width; x++)
        {
            ramp.Set(0, x, (byte)(245 - (135 * x / (width - 1))));
        }

        var grey = new Mat();
        Cv2.Repeat(ramp, 150, 1, grey);
        return grey;
    }
}
