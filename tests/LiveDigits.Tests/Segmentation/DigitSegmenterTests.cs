using LiveDigits.Pipeline.Segmentation;
using LiveDigits.Tests.Reader;
using OpenCvSharp;

namespace LiveDigits.Tests.Segmentation;

public sealed class DigitSegmenterTests
{
    // Scribbles make about a thousand candidates; the cap leaves some of its merges whole and cuts others.
    private const int Cap = 40;

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

    [Fact]
    public void Segment_MoreCandidatesThanTheCap_InkForTheTallestTheOthersByBox()
    {
        using var scribbles = HostileFrameTests.Draw(HostileFrameTests.Texture.Scribbles);
        using var all = _segmenter.Segment(scribbles);
        var tallest = all.Candidates
            .Select(c => c.Box)
            .OrderByDescending(b => b.Height)
            .ThenByDescending(b => b.Width)
            .Take(Cap)
            .ToHashSet();

        using var capped = new DigitSegmenter { MaxCandidates = Cap }.Segment(scribbles);

        Assert.Equal(all.Candidates.Select(c => c.Box).Where(tallest.Contains), capped.Candidates.Select(c => c.Box));
        Assert.Equal(all.Candidates.Select(c => c.Box).Where(b => !tallest.Contains(b)), capped.Dropped);
        Assert.Equal(
            all.Candidates.Where(c => tallest.Contains(c.Box)).Select(c => Cv2.CountNonZero(c.Ink)),
            capped.Candidates.Select(c => Cv2.CountNonZero(c.Ink)));
        Assert.Equal(all.Fragments, capped.Fragments);
        Assert.Empty(all.Dropped);
    }

    [Fact]
    public void Segment_MoreCandidatesThanTheCap_OnlyTheMergesOfKeptCandidatesRenumbered()
    {
        using var scribbles = HostileFrameTests.Draw(HostileFrameTests.Texture.Scribbles);
        using var all = _segmenter.Segment(scribbles);

        using var capped = new DigitSegmenter { MaxCandidates = Cap }.Segment(scribbles);

        var kept = capped.Candidates.Select(c => c.Box).ToHashSet();
        var expected = all.Merges.Where(m => m.Replaces.All(i => kept.Contains(all.Candidates[i].Box))).ToList();
        Assert.Equal(expected.Select(m => Describe(m, all)), capped.Merges.Select(m => Describe(m, capped)));
        Assert.InRange(expected.Count, 1, all.Merges.Count - 1);
    }

    // A merge as its box and the boxes of the candidates it replaces, which its indexes point to.
    private static string Describe(CandidateMerge merge, FrameSegmentation segmentation) =>
        $"{merge.Candidate.Box} replaces "
        + string.Join(' ', merge.Replaces.Select(i => segmentation.Candidates[i].Box));
}
