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
}
