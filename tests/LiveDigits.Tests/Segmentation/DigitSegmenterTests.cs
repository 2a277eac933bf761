using LiveDigits.Pipeline.Segmentation;
using LiveDigits.Tests.Reader;
using OpenCvSharp;

namespace LiveDigits.Tests.Segmentation;

public sealed class DigitSegmenterTests
{
    private readonly DigitSegmenter _segmenter = new();

    [Fact]
    public void Segment_FourPrintedDigits_FindsFourCandidates()
    {
        using var plain = SyntheticSheet.Page(640, 360, [("3845", new Point(150, 200))], scale: 2);

        using var result = _segmenter.Segment(plain);

        Assert.Equal(4, result.Candidates.Count);
    }

    [Fact]
    public void Segment_ShortAndWideInk_KeepsItsBoxesAsFragmentsNotCandidates()
    {
        // At 720p the smallest digit looked for is 12 px tall: a 10 px dot is too short, and a 60x14 bar is
        // too wide for one digit; the 14x30 stroke is a candidate.
        using var page = new Mat(720, 1280, MatType.CV_8UC3, new Scalar(235, 238, 240));
        page.Rectangle(new Rect(100, 100, 10, 10), Scalar.All(40), -1);
        page.Rectangle(new Rect(200, 100, 60, 14), Scalar.All(40), -1);
        page.Rectangle(new Rect(300, 100, 14, 30), Scalar.All(40), -1);

        using var result = _segmenter.Segment(page);

        Assert.Equal([new Rect(300, 100, 14, 30)], result.Candidates.Select(c => c.Box));
        Assert.Equal([new Rect(100, 100, 10, 10), new Rect(200, 100, 60, 14)], result.Fragments.OrderBy(f => f.X));
    }
}
