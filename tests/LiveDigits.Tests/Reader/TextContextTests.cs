using LiveDigits.Pipeline.Classification;
using LiveDigits.Pipeline.Reader;
using OpenCvSharp;

namespace LiveDigits.Tests.Reader;

public sealed class TextContextTests
{
    private static readonly DigitReaderOptions s_frameByFrame = new() { TrackAcrossFrames = false };

    [Fact]
    public void Read_PrintedWordsAboveANumber_ReadsOnlyTheNumber()
    {
        using var page = new Mat(360, 640, MatType.CV_8UC3, new Scalar(235, 238, 240));
        Print(page, "Customer Homework", new Point(40, 80));
        Print(page, "Account Meeting", new Point(40, 180));
        Print(page, "2026", new Point(40, 280));
        using var reader = new DigitReader(s_frameByFrame);

        using var analysis = reader.Read(page, 0, TimeSpan.Zero);

        Assert.Equal("2026", string.Concat(analysis.Readings.Digits.Select(d => d.Digit)));
        Assert.Equal("2026", Assert.Single(analysis.Readings.Numbers).Value);
    }

    [Theory]
    [InlineData(3, 1, 0)]
    [InlineData(2, 2, 0)]
    [InlineData(1, 3, 1)]
    [InlineData(2, 5, 2)]
    public void RefuseDigitsInWords_RunOfReadAndRefused_RefusesOnlyWhenRefusedOutnumber(
        int read, int refusedCount, int expected)
    {
        var chosen = Enumerable.Range(0, read + refusedCount)
            .Select(i => (new Rect(100 + (i * 30), 50, 24, 40), Reading(i < read ? 0.95f : 0.05f), new Mat()))
            .ToList();

        var refused = TextContext.RefuseDigitsInWords(chosen, 0.5);

        Assert.Equal(expected, refused);
        Assert.Equal(read - expected, chosen.Count(c => c.Item2.IsDigit && c.Item2.Confidence >= 0.5));
        chosen.ForEach(c => c.Item3.Dispose());
    }

    [Fact]
    public void RefuseDigitsInWords_ReadLettersJoinedByUnclassifiedOnes_RefusesThem()
    {
        // Three ascenders read as digits, 66 px apart: alone each is its own run; the five x-height letters
        // the cap left unclassified between them make them one word.
        int[] ascenders = [100, 190, 280];
        int[] xHeights = [130, 157, 220, 247, 310];
        var chosen = ascenders
            .Select(x => (new Rect(x, 50, 24, 40), Reading(0.95f), new Mat()))
            .ToList();
        Rect[] unclassified = [.. xHeights.Select(x => new Rect(x, 66, 20, 24))];

        var alone = TextContext.RefuseDigitsInWords([.. chosen], 0.5);
        var refused = TextContext.RefuseDigitsInWords(chosen, 0.5, unclassified);

        Assert.Equal(0, alone);
        Assert.Equal(3, refused);
        chosen.ForEach(c => c.Item3.Dispose());
    }

    [Fact]
    public void Read_PrintedLineBeyondTheCandidateCap_ReadsOnlyTheNumber()
    {
        using var page = new Mat(300, 900, MatType.CV_8UC3, new Scalar(235, 238, 240));
        Print(page, "Subtotal Total Items Customer Room", new Point(20, 80));
        Print(page, "2026", new Point(40, 220));
        using var reader = new DigitReader(new DigitReaderOptions { TrackAcrossFrames = false, MaxCandidates = 16 });

        using var analysis = reader.Read(page, 0, TimeSpan.Zero);

        Assert.Equal("2026", string.Concat(analysis.Readings.Digits.Select(d => d.Digit)));
    }

    [Fact]
    public void RefuseDigitsInWords_ReadLettersAmongFragments_RefusesThem()
    {
        // "Sum Total" as the default clip's frame 60 segments it: S, t and l read as 5, 1 and 1, T refused,
        // and u, m, o and a shorter than the smallest digit looked for (12 px at 720p), so never candidates.
        var chosen = new List<(Rect, DigitPrediction, Mat)>
        {
            (new Rect(153, 350, 11, 15), Reading(0.99f), new Mat()),
            (new Rect(202, 349, 8, 14), Reading(0.04f), new Mat()),
            (new Rect(222, 350, 5, 13), Reading(0.83f), new Mat()),
            (new Rect(240, 349, 3, 13), Reading(0.99f), new Mat()),
        };
        Rect[] fragments =
        [
            new(165, 354, 10, 11), new(176, 354, 16, 11), new(211, 353, 10, 11), new(229, 353, 10, 10),
        ];

        var alone = TextContext.RefuseDigitsInWords([.. chosen], 0.5);
        var refused = TextContext.RefuseDigitsInWords(chosen, 0.5, [], fragments);

        Assert.Equal(0, alone);
        Assert.Equal(3, refused);
        chosen.ForEach(c => c.Item3.Dispose());
    }

    [Fact]
    public void RefuseDigitsInWords_FragmentsInsideReadDigits_KeepsTheNumber()
    {
        // A two-digit number whose broken strokes left three pieces inside the digits' boxes: as neighbours
        // they would outnumber the digits, but they are the digits' own ink.
        var chosen = new List<(Rect, DigitPrediction, Mat)>
        {
            (new Rect(100, 50, 24, 40), Reading(0.95f), new Mat()),
            (new Rect(130, 50, 24, 40), Reading(0.95f), new Mat()),
        };
        Rect[] fragments = [new(102, 55, 8, 20), new(112, 70, 8, 18), new(134, 52, 10, 20)];

        var refused = TextContext.RefuseDigitsInWords(chosen, 0.5, [], fragments);

        Assert.Equal(0, refused);
        Assert.All(chosen, c => Assert.True(c.Item2.IsDigit));
        chosen.ForEach(c => c.Item3.Dispose());
    }

    [Fact]
    public void RefuseDigitsInWords_SpecksTrailingOffANumber_KeepsTheNumber()
    {
        // A smudge trailing off a number shrinks piece by piece: each piece is a neighbour of the one before,
        // but only the first is tall enough to stand beside the digits, so the run is two digits and one piece.
        var chosen = new List<(Rect, DigitPrediction, Mat)>
        {
            (new Rect(100, 50, 24, 40), Reading(0.95f), new Mat()),
            (new Rect(130, 50, 24, 40), Reading(0.95f), new Mat()),
        };
        Rect[] fragments = [new(160, 60, 10, 20), new(175, 65, 6, 10), new(185, 67, 4, 5)];

        var refused = TextContext.RefuseDigitsInWords(chosen, 0.5, [], fragments);

        Assert.Equal(0, refused);
        Assert.All(chosen, c => Assert.True(c.Item2.IsDigit));
        chosen.ForEach(c => c.Item3.Dispose());
    }

    [Fact]
    public void Read_SmallPrintedLineBesideAHandwrittenNumber_ReadsOnlyTheNumber()
    {
        // At 720p the smallest digit looked for is 12 px: this line's capitals and ascenders (15 px) are
        // candidates and its x-height letters (11 px) are not, so S, l and t stood alone and read 5, 1, 1.
        using var writing = new HandwrittenPage(1280, 720);
        int[] digits = [HandwrittenPage.First(4), HandwrittenPage.First(0), HandwrittenPage.First(7)];
        for (var i = 0; i < digits.Length; i++)
        {
            writing.Write(digits[i], new Point(400 + (i * 70), 300));
        }

        using var page = writing.Render();
        Cv2.PutText(
            page,
            "Results Score Amount Total",
            new Point(40, 200),
            HersheyFonts.HersheyDuplex,
            0.6,
            new Scalar(40, 30, 30),
            1,
            LineTypes.AntiAlias);
        using var reader = new DigitReader(s_frameByFrame);

        using var analysis = reader.Read(page, 0, TimeSpan.Zero);

        Assert.Equal("407", string.Concat(analysis.Readings.Digits.Select(d => d.Digit)));
        Assert.Equal("407", Assert.Single(analysis.Readings.Numbers).Value);
    }

    private static DigitPrediction Reading(float seven)
    {
        var probabilities = new float[11];
        probabilities[7] = seven;
        probabilities[DigitPrediction.NotDigitClass] = 1 - seven;
        return new DigitPrediction(probabilities);
    }

    /// <summary>Prints a line as a form or a book does: one run of text, letters at their own widths.</summary>
    private static void Print(Mat page, string text, Point at) =>
        Cv2.PutText(page, text, at, HersheyFonts.HersheyComplex, 1.2, new Scalar(40, 30, 30), 2, LineTypes.AntiAlias);
}
