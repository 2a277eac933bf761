using LiveDigits.Pipeline.Reader;
using OpenCvSharp;

namespace LiveDigits.Tests.Reader;

/// <summary>
/// The same page of handwriting in pens of several colours, on paper with pale blue rules and a red margin: every
/// pen reads what black pen reads, and no rule or margin becomes a digit.
/// </summary>
public sealed class InkColourTests
{
    private static readonly DigitReaderOptions s_frameByFrame = new() { TrackAcrossFrames = false };

    // Ten MNIST digits, one of each, on ruled paper with a red margin, as a phone or webcam sees a school page.
    private static Mat RuledPage(Scalar pen)
    {
        using var handwriting = new HandwrittenPage(1040, 170);
        foreach (var digit in Enumerable.Range(0, 10))
        {
            handwriting.Write(HandwrittenPage.Nth(digit, 1), new Point(60 + (digit * 96), 30));
        }

        var page = handwriting.Render(pen);
        foreach (var y in new[] { 20, 118 })
        {
            page.Line(new Point(0, y), new Point(page.Cols - 1, y), new Scalar(225, 170, 130), 2, LineTypes.AntiAlias);
        }

        page.Line(new Point(40, 0), new Point(40, page.Rows - 1), new Scalar(165, 150, 235), 2, LineTypes.AntiAlias);
        return page;
    }

    private static string Read(Mat page)
    {
        using var reader = new DigitReader(s_frameByFrame);
        using var analysis = reader.Read(page, 0, TimeSpan.Zero);
        return string.Concat(analysis.Readings.Digits.OrderBy(d => d.Box.X).Select(d => d.Digit));
    }

    [Fact]
    public void Read_BlackPenOnRuledPage_ReadsEveryDigitAndNoRule()
    {
        using var page = RuledPage(new Scalar(40, 30, 30));

        Assert.Equal("0123456789", Read(page));
    }

    [Theory]
    [InlineData(150, 60, 25)] // blue ballpoint
    [InlineData(50, 40, 215)] // red ballpoint: bright in its red channel, which alone read the page as blank
    [InlineData(65, 55, 190)] // darker red ink
    [InlineData(60, 140, 30)] // green
    [InlineData(160, 40, 130)] // purple
    public void Read_ColouredPenOnRuledPage_ReadsWhatBlackPenReads(int blue, int green, int red)
    {
        using var page = RuledPage(new Scalar(blue, green, red));

        Assert.Equal("0123456789", Read(page));
    }
}
