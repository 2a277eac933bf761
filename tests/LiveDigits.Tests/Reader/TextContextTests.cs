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
