using LiveDigits.Pipeline.Normalisation;
using LiveDigits.Pipeline.Segmentation;
using OpenCvSharp;

namespace LiveDigits.Tests.Normalisation;

/// <summary>
/// What the stroke-width step is for, checked on real paper: a thin pen and a marker both come out of the
/// normaliser with MNIST's stroke width, as measured on MNIST itself.
/// </summary>
public sealed class RealStrokeWidthTests
{
    private static readonly Lazy<(double Low, double High)> s_mnistRange = new(MnistStrokeRange);

    [Theory]
    [InlineData("sheet_a.png")]
    [InlineData("sheet_b.png")]
    public void Normalise_RealCandidates_GivesStrokesInMnistsRange(string sheet)
    {
        var (low, high) = s_mnistRange.Value;
        using var image = Cv2.ImRead(Path.Combine(TestData.Folder, "real", sheet));
        using var segmentation = new DigitSegmenter().Segment(image);

        var widths = Widths(segmentation.Candidates, new DigitNormaliser());
        var uncorrected = Widths(segmentation.Candidates, new DigitNormaliser { CorrectStrokeWidth = false });

        var inside = widths.Count(w => w >= low && w <= high) / (double)widths.Count;
        Assert.True(widths.Count >= 10, $"only {widths.Count} candidates on {sheet}");
        Assert.InRange(Median(widths), low, high);
        Assert.True(inside >= 0.8, $"{inside:P0} of the strokes in MNIST's {low:F2}-{high:F2}");
        Assert.True(
            Math.Abs(Median(widths) - DigitNormaliser.TargetStrokeWidth)
                < Math.Abs(Median(uncorrected) - DigitNormaliser.TargetStrokeWidth),
            $"median {Median(widths):F2} corrected against {Median(uncorrected):F2} uncorrected");
    }

    private static List<double> Widths(IEnumerable<DigitCandidate> candidates, DigitNormaliser normaliser) =>
        [.. candidates.Select(c =>
        {
            using var normalised = normaliser.Normalise(c.Ink);
            return DigitNormaliserTests.StrokeWidthAt28(normalised);
        })];

    private static (double Low, double High) MnistStrokeRange()
    {
        // The 10th and 90th percentiles of the first 1000 MNIST test digits, measured like the output.
        var widths = new List<double>();
        for (var i = 0; i < 1000; i++)
        {
            using var digit = TestData.MnistTest.ToMat(i);
            widths.Add(DigitNormaliserTests.StrokeWidthAt28(digit));
        }

        widths.Sort();
        return (widths[widths.Count / 10], widths[widths.Count * 9 / 10]);
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
