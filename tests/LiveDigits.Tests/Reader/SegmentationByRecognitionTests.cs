using LiveDigits.Pipeline.Reader;
using LiveDigits.Pipeline.Segmentation;
using OpenCvSharp;

namespace LiveDigits.Tests.Reader;

public sealed class SegmentationByRecognitionTests
{
    private static readonly DigitReaderOptions s_frameByFrame = new() { TrackAcrossFrames = false };

    [Fact]
    public void Read_TwoHandwrittenDigitsTouching_ReadsBothInOrder()
    {
        using var page = TouchingRow(HandwrittenPage.First(7), HandwrittenPage.First(2));
        using var reader = new DigitReader(s_frameByFrame);

        using var analysis = reader.Read(page, 0, TimeSpan.Zero);

        Assert.Equal("72", string.Concat(analysis.Readings.Digits.Select(d => d.Digit)));
        Assert.Equal("72", Assert.Single(analysis.Readings.Numbers).Value);
    }

    [Fact]
    public void Read_ThreeHandwrittenDigitsTouching_ReadsAllThreeInOrder()
    {
        // One cut reads this as a 6 and an "82" taken for a wide 2 (before: "62"); cutting the 82 again is surer.
        using var page = TouchingRow(HandwrittenPage.First(6), HandwrittenPage.First(8), HandwrittenPage.First(2));
        using var reader = new DigitReader(s_frameByFrame);

        using var analysis = reader.Read(page, 0, TimeSpan.Zero);

        Assert.Equal("682", string.Concat(analysis.Readings.Digits.Select(d => d.Digit)));
        Assert.Equal("682", Assert.Single(analysis.Readings.Numbers).Value);
    }

    [Fact]
    public void Read_DigitBrokenIntoTwoPieces_ReadsOneDigit()
    {
        using var handwriting = new HandwrittenPage(240, 160);
        handwriting.Write(HandwrittenPage.First(7), new Point(60, 30), edit: CutAcrossTheMiddle);
        using var page = handwriting.Render();
        using (var segmentation = new DigitSegmenter().Segment(page))
        {
            Assert.NotEmpty(segmentation.Merges);
        }

        using var reader = new DigitReader(s_frameByFrame);

        using var analysis = reader.Read(page, 0, TimeSpan.Zero);

        Assert.Equal(7, Assert.Single(analysis.Readings.Digits).Digit);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(9)]
    public void Read_FaintPencilDigitWithDarkerGrains_ReadsTheWholeDigit(int digit)
    {
        using var handwriting = new HandwrittenPage(240, 160);
        handwriting.Write(HandwrittenPage.First(digit), new Point(60, 30), edit: AsFaintPencil);
        using var page = handwriting.Render();
        using (var segmentation = new DigitSegmenter().Segment(page))
        {
            // The strict ink is only the grains: no candidate spans even half the digit's height.
            Assert.All(segmentation.Candidates, c => Assert.True(c.Box.Height < 28 * HandwrittenPage.Scale / 2));
        }

        using var reader = new DigitReader(s_frameByFrame);

        using var analysis = reader.Read(page, 0, TimeSpan.Zero);

        Assert.Equal(digit, Assert.Single(analysis.Readings.Digits).Digit);
    }

    [Fact]
    public void Read_FaintPencilZeroWithOneDarkGrain_ReadsTheZero()
    {
        using var handwriting = new HandwrittenPage(240, 160);
        handwriting.Write(HandwrittenPage.First(0), new Point(60, 30), edit: AsFaintPencilWithOneGrain);
        using var page = handwriting.Render();
        using var reader = new DigitReader(s_frameByFrame);

        using var analysis = reader.Read(page, 0, TimeSpan.Zero);

        Assert.Equal(0, Assert.Single(analysis.Readings.Digits).Digit);
    }

    [Theory]
    [InlineData(1, 6)]
    [InlineData(3, 6)]
    [InlineData(0, 8)]
    [InlineData(7, 8)]
    public void Read_SmallDigitJustAboveALargeOne_StaysApartFromIt(int small, int large)
    {
        using var handwriting = new HandwrittenPage(400, 200);
        foreach (var (digit, x) in new[] { (0, 20), (5, 100), (2, 180), (large, 260) })
        {
            handwriting.Write(HandwrittenPage.First(digit), new Point(x, 100));
        }

        // A 2 at a third of the size, its foot 24 pixels above the 8: one tall piece by the gap rule.
        handwriting.Write(HandwrittenPage.First(small), new Point(260, 8), edit: ShrinkToBottomThird);
        using var page = handwriting.Render();
        using var reader = new DigitReader(s_frameByFrame);

        using var analysis = reader.Read(page, 0, TimeSpan.Zero);

        var digits = analysis.Readings.Digits;
        Assert.Equal(new[] { 0, 5, 2, large, small }.Order(), digits.Select(d => d.Digit).Order());
        Assert.All(digits, d => Assert.True(d.Box.Height < 70, $"{d.Digit} is {d.Box.Height} tall"));
    }

    [Fact]
    public void Read_SmallBlurredEightWithFilledLoops_ReadsTheEight()
    {
        using var handwriting = new HandwrittenPage(240, 160);
        handwriting.Write(HandwrittenPage.First(8), new Point(60, 30), edit: ShrinkAndBlur);
        using var page = handwriting.Render();
        using var reader = new DigitReader(s_frameByFrame);

        using var analysis = reader.Read(page, 0, TimeSpan.Zero);

        Assert.Equal(8, Assert.Single(analysis.Readings.Digits).Digit);
    }

    [Fact]
    public void Read_MoreCandidatesThanTheCap_KeepsTheTallest()
    {
        using var handwriting = new HandwrittenPage(300, 160);
        handwriting.Write(HandwrittenPage.First(1), new Point(20, 30));
        handwriting.Write(HandwrittenPage.First(0), new Point(150, 30), edit: SquashToBottomThreeQuarters);
        using var page = handwriting.Render();
        using var reader = new DigitReader(s_frameByFrame with { MaxCandidates = 1 });

        using var analysis = reader.Read(page, 0, TimeSpan.Zero);

        // The 0 has the larger box; the 1 is the taller and is the one classified.
        Assert.Equal(1, Assert.Single(analysis.Readings.Digits).Digit);
    }

    [Fact]
    public void Read_WideZero_StaysOneDigit()
    {
        using var handwriting = new HandwrittenPage(300, 160);
        handwriting.Write(HandwrittenPage.First(0), new Point(60, 30), widen: 1.6);
        using var page = handwriting.Render();
        using var reader = new DigitReader(s_frameByFrame);

        using var analysis = reader.Read(page, 0, TimeSpan.Zero);

        Assert.Equal(0, Assert.Single(analysis.Readings.Digits).Digit);
    }

    [Fact]
    public void Cuts_TwoBarsJoinedByABridge_CutsAtTheBridge()
    {
        using var ink = new Mat(40, 40, MatType.CV_8UC1, Scalar.All(0));
        ink.Rectangle(new Rect(2, 0, 12, 40), Scalar.All(255), -1);
        ink.Rectangle(new Rect(26, 0, 12, 40), Scalar.All(255), -1);
        ink.Rectangle(new Rect(14, 18, 12, 3), Scalar.All(255), -1);
        using var candidate = new DigitCandidate(new Rect(100, 50, 40, 40), ink.Clone());

        var cuts = CandidateSplitter.Cuts(candidate, 3);

        var (left, right) = Assert.Single(cuts);
        Assert.InRange(left.Box.Right, 114, 127);
        Assert.Equal(new Rect(102, 50, left.Box.Width, 40), left.Box);
        Assert.Equal(138, right.Box.Right);
        left.Dispose();
        right.Dispose();
    }

    [Fact]
    public void Cuts_NarrowCandidate_NoCut()
    {
        using var ink = new Mat(40, 20, MatType.CV_8UC1, Scalar.All(255));
        using var candidate = new DigitCandidate(new Rect(0, 0, 20, 40), ink.Clone());

        Assert.Empty(CandidateSplitter.Cuts(candidate, 3));
    }

    private static Mat TouchingRow(params int[] digits)
    {
        // Slides the digits closer together until the segmenter sees the row as one piece of ink.
        for (var x = 60; x > 0; x -= 2)
        {
            using var handwriting = new HandwrittenPage(420, 160);
            for (var i = 0; i < digits.Length; i++)
            {
                handwriting.Write(digits[i], new Point(40 + (i * x), 30));
            }

            var page = handwriting.Render();
            using var segmentation = new DigitSegmenter().Segment(page);
            if (segmentation.Candidates.Count == 1)
            {
                return page;
            }

            page.Dispose();
        }

        throw new InvalidOperationException("The digits never touched.");
    }

    private static void CutAcrossTheMiddle(Mat digit)
    {
        using var band = digit.RowRange(digit.Rows / 2, (digit.Rows / 2) + 4);
        band.SetTo(0);
    }

    /// <summary>
    /// Light pencil: the stroke darkens the paper to about 0.82 of its brightness, paler than certain ink,
    /// with darker grains where the lead caught the paper (every third 6x6 cell along a diagonal).
    /// </summary>
    private static void AsFaintPencil(Mat ink)
    {
        using var faint = new Mat();
        ink.ConvertTo(faint, MatType.CV_8U, 0.22);
        var (rows, cols) = (ink.Rows, ink.Cols);
        using var grains = new Mat(rows, cols, MatType.CV_8UC1, Scalar.All(0));
        for (var y = 0; y < rows; y += 6)
        {
            for (var x = ((y / 6) % 3) * 6; x < cols; x += 18)
            {
                grains.Rectangle(new Rect(x, y, 6, 6), Scalar.All(255), -1);
            }
        }

        using var dark = new Mat();
        ink.ConvertTo(dark, MatType.CV_8U, 0.45);
        Cv2.BitwiseAnd(dark, grains, dark);
        Cv2.Max(faint, dark, ink);
    }

    /// <summary>Light pencil as above, dark enough to be certain ink in one 4x4 grain only.</summary>
    private static void AsFaintPencilWithOneGrain(Mat ink)
    {
        Cv2.MinMaxLoc(ink, out _, out Point darkest);
        using var faint = new Mat();
        ink.ConvertTo(faint, MatType.CV_8U, 0.22);
        var grain = new Rect(darkest.X - 2, darkest.Y - 2, 4, 4) & new Rect(0, 0, ink.Cols, ink.Rows);
        using var inGrain = new Mat(ink, grain);
        using var faintGrain = new Mat(faint, grain);
        inGrain.ConvertTo(faintGrain, MatType.CV_8U, 0.45);
        faint.CopyTo(ink);
    }

    /// <summary>
    /// A marker digit a third of the size, about 20 pixels tall, under a blur (sigma 1.4) that greys its loops
    /// in: the frame's threshold fills them and the network refuses the blob (checked with the rethreshold off).
    /// </summary>
    private static void ShrinkAndBlur(Mat digit)
    {
        using var small = new Mat();
        Cv2.Resize(digit, small, new Size(digit.Cols / 3, digit.Rows / 3), 0, 0, InterpolationFlags.Area);
        using var pen = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(3, 3));
        Cv2.Dilate(small, small, pen);
        Cv2.GaussianBlur(small, small, new Size(0, 0), 1.4);
        digit.SetTo(0);
        using var corner = new Mat(digit, new Rect(0, 0, small.Cols, small.Rows));
        small.CopyTo(corner);
    }

    private static void SquashToBottomThreeQuarters(Mat digit)
    {
        using var squashed = new Mat();
        Cv2.Resize(digit, squashed, new Size(digit.Cols, digit.Rows * 3 / 4), 0, 0, InterpolationFlags.Area);
        digit.SetTo(0);
        using var bottom = new Mat(digit, new Rect(0, digit.Rows - squashed.Rows, squashed.Cols, squashed.Rows));
        squashed.CopyTo(bottom);
    }

    private static void ShrinkToBottomThird(Mat digit)
    {
        using var small = new Mat();
        Cv2.Resize(digit, small, new Size(digit.Cols / 3, digit.Rows / 3), 0, 0, InterpolationFlags.Area);
        digit.SetTo(0);
        using var corner = new Mat(digit, new Rect(digit.Cols / 3, digit.Rows - small.Rows, small.Cols, small.Rows));
        small.CopyTo(corner);
    }
}
