using LiveDigits.Pipeline.Normalisation;
using OpenCvSharp;

namespace LiveDigits.Tests.Normalisation;

public sealed class DigitNormaliserTests
{
    private readonly DigitNormaliser _normaliser = new();

    [Fact]
    public void Normalise_SameDigitAtNinePositionsAndThreeScales_GivesTheSameImage()
    {
        using var reference = SyntheticInk.Digit('5', 400, 400, new Point(150, 250), scale: 3, thickness: 6);
        using var expected = _normaliser.Normalise(reference);
        var differences = new List<double>();

        foreach (var scale in new[] { 1.5, 3.0, 6.0 })
        {
            foreach (var (x, y) in NinePositions())
            {
                using var ink = SyntheticInk.Digit('5', 400, 400, new Point(x, y), scale, (int)Math.Round(scale * 2));
                using var normalised = _normaliser.Normalise(ink);
                differences.Add(SyntheticInk.MeanAbsoluteDifference(expected, normalised));
            }
        }

        using var other = SyntheticInk.Digit('2', 400, 400, new Point(150, 250), scale: 3, thickness: 6);
        using var otherNormalised = _normaliser.Normalise(other);
        var otherDifference = SyntheticInk.MeanAbsoluteDifference(expected, otherNormalised);
        Assert.All(differences, d => Assert.True(d < 10, $"mean difference {d:F1} grey levels"));
        Assert.True(otherDifference > 2 * differences.Max(), $"a 2 differs by only {otherDifference:F1}");
    }

    [Theory]
    [InlineData('0')]
    [InlineData('1')]
    [InlineData('4')]
    [InlineData('7')]
    public void Normalise_AnyDigit_PutsCentreOfMassAtFourteen(char digit)
    {
        using var ink = SyntheticInk.Digit(digit, 300, 200, new Point(40, 170), scale: 4, thickness: 8);

        using var normalised = _normaliser.Normalise(ink);

        var moments = Cv2.Moments(normalised);
        Assert.InRange(moments.M10 / moments.M00, 13.5, 14.5);
        Assert.InRange(moments.M01 / moments.M00, 13.5, 14.5);
    }

    [Theory]
    [InlineData('1')]
    [InlineData('8')]
    public void Normalise_AnyDigit_FitsTheInkInTwentyByTwenty(char digit)
    {
        using var ink = SyntheticInk.Digit(digit, 300, 300, new Point(60, 240), scale: 6, thickness: 3);

        using var normalised = _normaliser.Normalise(ink);

        using var binary = new Mat();
        Cv2.Threshold(normalised, binary, 30, 255, ThresholdTypes.Binary);
        var box = Cv2.BoundingRect(binary);
        Assert.Equal(new Size(28, 28), normalised.Size());
        Assert.Equal(MatType.CV_8UC1, normalised.Type());
        Assert.InRange(Math.Max(box.Width, box.Height), 19, 21);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(45)]
    public void Normalise_FineLinerOrMarker_BringsStrokeWidthNearMnist(int thickness)
    {
        using var ink = SyntheticInk.Digit('3', 400, 400, new Point(100, 300), scale: 7, thickness: thickness);
        using var uncorrected = new DigitNormaliser { CorrectStrokeWidth = false }.Normalise(ink);

        using var normalised = _normaliser.Normalise(ink);

        var width = StrokeWidthAt28(normalised);
        var before = StrokeWidthAt28(uncorrected);
        Assert.InRange(width, DigitNormaliser.TargetStrokeWidth - 0.8, DigitNormaliser.TargetStrokeWidth + 0.8);
        Assert.True(Math.Abs(before - width) > 0.5, $"stroke {before:F2} was not changed ({width:F2})");
    }

    [Fact]
    public void Normalise_OnePixel_GivesACentredDot()
    {
        using var ink = new Mat(1, 1, MatType.CV_8UC1, Scalar.All(255));

        using var normalised = _normaliser.Normalise(ink);

        var moments = Cv2.Moments(normalised);
        Assert.True(moments.M00 > 0);
        Assert.InRange(moments.M10 / moments.M00, 13.5, 14.5);
    }

    [Fact]
    public void Normalise_EmptyMat_Throws()
    {
        using var empty = new Mat();

        Assert.Throws<ArgumentException>(() => _normaliser.Normalise(empty));
    }

    [Fact]
    public void Normalise_ColourImage_Throws()
    {
        using var colour = new Mat(10, 10, MatType.CV_8UC3, Scalar.All(255));

        Assert.Throws<ArgumentException>(() => _normaliser.Normalise(colour));
    }

    [Fact]
    public void Normalise_BlackImage_GivesBlack()
    {
        using var black = new Mat(40, 30, MatType.CV_8UC1, Scalar.All(0));

        using var normalised = _normaliser.Normalise(black);

        Assert.Equal(0, Cv2.CountNonZero(normalised));
    }

    internal static double StrokeWidthAt28(Mat normalised)
    {
        using var large = new Mat();
        Cv2.Resize(normalised, large, new Size(112, 112), 0, 0, InterpolationFlags.Linear);
        Cv2.Threshold(large, large, 127, 255, ThresholdTypes.Binary);
        return DigitNormaliser.StrokeWidth(large) / 4;
    }

    private static IEnumerable<(int X, int Y)> NinePositions()
    {
        foreach (var x in new[] { 10, 120, 200 })
        {
            foreach (var y in new[] { 250, 320, 390 })
            {
                yield return (x, y);
            }
        }
    }
}
