using LiveDigits.Capture.Clips;
using OpenCvSharp;

namespace LiveDigits.Tests.Clips;

public sealed class ClipGeneratorTests
{
    private static readonly ClipOptions s_plain =
        new(ClipStyle.Plain, Seed: 5, FrameCount: 60, Width: 960, Height: 540);

    [Theory]
    [InlineData(ClipStyle.Plain, 0)]
    [InlineData(ClipStyle.Ruled, 30)]
    [InlineData(ClipStyle.Grid, 59)]
    public void Render_ModerateStyles_EveryRequiredBoxHoldsDarkInkOnLighterPaper(ClipStyle style, int frameIndex)
    {
        using var generator = new ClipGenerator(s_plain with { Style = style }, TestData.MnistTest);
        using var frame = new Mat();

        var truth = generator.Render(frameIndex, frame);

        using var grey = frame.CvtColor(ColorConversionCodes.BGR2GRAY);
        var required = truth.Digits.Where(d => !d.Ignore).ToList();
        Assert.True(required.Count >= 20, $"only {required.Count} digits in view");
        foreach (var digit in required)
        {
            using var inside = new Mat(grey, digit.Box);
            inside.MinMaxLoc(out double darkest, out double lightest);
            Assert.True(lightest - darkest > 25, $"digit {digit.Id} at {digit.Box}: contrast {lightest - darkest}");
        }
    }

    [Fact]
    public void Render_PlainFrame_BoxesAreTightAroundTheInk()
    {
        using var generator = new ClipGenerator(s_plain, TestData.MnistTest);
        using var frame = new Mat();

        var truth = generator.Render(10, frame);

        // Shrinking a box by a quarter of its size on one side must cut ink off: the box hugs the digit.
        using var grey = frame.CvtColor(ColorConversionCodes.BGR2GRAY);
        var big = truth.Digits.Where(d => !d.Ignore && d.Box.Height >= 30 && d.Box.Width >= 12).ToList();
        Assert.NotEmpty(big);
        foreach (var digit in big)
        {
            using var box = new Mat(grey, digit.Box);
            box.MinMaxLoc(out double _, out double lightest);

            // Faint pencil strokes sit well above the darkest pixel, so anything clearly below the paper counts.
            using var ink = box.LessThan(lightest - 20);
            var inked = Cv2.BoundingRect(ink);
            Assert.True(inked.Top <= digit.Box.Height / 4, $"digit {digit.Id}: ink starts {inked.Top} px down");
            Assert.True(inked.Bottom >= digit.Box.Height * 3 / 4, $"digit {digit.Id}: ink ends at {inked.Bottom}");
        }
    }

    [Fact]
    public void Truth_AnyClip_LabelsAreTheMnistLabelsUsed()
    {
        using var generator = new ClipGenerator(s_plain with { Style = ClipStyle.Hard }, TestData.MnistTest);
        using var frame = new Mat();

        var truth = generator.Render(20, frame);

        var mnist = TestData.MnistTest;
        Assert.All(generator.Digits, d => Assert.Equal(mnist.Label(d.MnistIndex), d.Digit));
        Assert.All(truth.Digits, d => Assert.Equal(generator.Digits[d.Id].Digit, d.Digit));
        Assert.All(generator.Numbers, n => Assert.Equal(
            string.Concat(n.Digits.Select(id => generator.Digits[id].Digit)),
            n.Value));
    }

    [Fact]
    public void Render_SameOptionsTwice_GivesIdenticalPixelsAndTruth()
    {
        using var first = new ClipGenerator(s_plain with { Style = ClipStyle.Hard }, TestData.MnistTest);
        using var second = new ClipGenerator(s_plain with { Style = ClipStyle.Hard }, TestData.MnistTest);
        using var a = new Mat();
        using var b = new Mat();

        var truthA = first.Render(33, a);
        var truthB = second.Render(33, b);

        using var difference = new Mat();
        Cv2.Absdiff(a, b, difference);
        Assert.Equal(0, Cv2.CountNonZero(difference.Reshape(1)));
        Assert.Equal(truthA.Digits, truthB.Digits);
    }

    [Fact]
    public void Render_DifferentSeeds_WriteDifferentSheets()
    {
        using var first = new ClipGenerator(s_plain, TestData.MnistTest);
        using var second = new ClipGenerator(s_plain with { Seed = 6 }, TestData.MnistTest);

        var indicesA = first.Digits.Select(d => d.MnistIndex).ToArray();
        var indicesB = second.Digits.Select(d => d.MnistIndex).ToArray();

        Assert.NotEqual(indicesA, indicesB);
    }

    [Fact]
    public void Digits_DoubleSpacing_WritesFewerDigitsOnTheSheet()
    {
        using var usual = new ClipGenerator(s_plain, TestData.MnistTest);
        using var sparse = new ClipGenerator(s_plain with { Spacing = 2 }, TestData.MnistTest);

        var ratio = sparse.Digits.Count / (double)usual.Digits.Count;

        Assert.InRange(ratio, 0.2, 0.75);
    }
}
