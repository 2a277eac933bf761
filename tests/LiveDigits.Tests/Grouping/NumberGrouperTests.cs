using LiveDigits.Pipeline.Grouping;
using LiveDigits.Pipeline.Readings;
using OpenCvSharp;

namespace LiveDigits.Tests.Grouping;

public sealed class NumberGrouperTests
{
    private readonly NumberGrouper _grouper = new();

    [Fact]
    public void Group_FourDigitsCloseOnOneLine_GiveOneNumberInReadingOrder()
    {
        DigitReading[] digits = [Digit(2, 100, 0.9), Digit(2, 0, 0.8), Digit(6, 150, 0.95), Digit(0, 50, 0.7)];

        var (ordered, numbers) = _grouper.Group(digits);

        var number = Assert.Single(numbers);
        Assert.Equal("2026", number.Value);
        Assert.Equal(0.7, number.Confidence);
        Assert.Equal(new Rect(0, 100, 190, 40), number.Box);
        Assert.Equal([2, 0, 2, 6], ordered.Select(d => d.Digit));
    }

    [Fact]
    public void Group_GapWiderThanADigit_SplitsTheNumbers()
    {
        DigitReading[] digits = [Digit(1, 0), Digit(2, 45), Digit(3, 160), Digit(4, 205)];

        var (_, numbers) = _grouper.Group(digits);

        Assert.Equal(["12", "34"], numbers.Select(n => n.Value));
    }

    [Fact]
    public void Group_SmallNumbersBesideLargeWriting_GapsMeasuredInTheirOwnHeight()
    {
        // Five large digits make the frame's median height 100; the small numbers are 20 tall, 30 apart.
        var large = Enumerable.Range(0, 5).Select(i => Sized(7, 110 * i, 0, 100));
        DigitReading[] small =
            [Sized(1, 0, 300, 20), Sized(2, 22, 300, 20), Sized(3, 72, 300, 20), Sized(4, 94, 300, 20)];

        var (_, numbers) = _grouper.Group([.. large, .. small]);

        Assert.Equal(["77777", "12", "34"], numbers.Select(n => n.Value));
    }

    [Fact]
    public void Group_LargeDigitsSpacedAmongSmallWriting_StayOneNumber()
    {
        // Seven small digits make the median height 20; the two large ones are 100 tall, 60 apart.
        var small = Enumerable.Range(0, 7).Select(i => Sized(i + 1, 22 * i, 300, 20));
        DigitReading[] large = [Sized(5, 0, 0, 100), Sized(6, 135, 0, 100)];

        var (_, numbers) = _grouper.Group([.. small, .. large]);

        Assert.Equal(["56", "1234567"], numbers.Select(n => n.Value));
    }

    [Fact]
    public void Group_TwoLines_ReadsTopLineFirstEvenWhenLowerStartsFurtherLeft()
    {
        DigitReading[] digits =
            [Digit(9, 0, y: 200), Digit(8, 45, y: 200), Digit(1, 100, y: 100), Digit(2, 145, y: 100)];

        var (ordered, numbers) = _grouper.Group(digits);

        Assert.Equal(["12", "98"], numbers.Select(n => n.Value));
        Assert.Equal([1, 2, 9, 8], ordered.Select(d => d.Digit));
    }

    [Fact]
    public void Group_LineSlopingUnderPerspective_StaysOneNumber()
    {
        DigitReading[] digits =
            [Digit(5, 0, y: 100), Digit(5, 45, y: 112), Digit(5, 90, y: 124), Digit(5, 135, y: 136)];

        var (_, numbers) = _grouper.Group(digits);

        Assert.Equal("5555", Assert.Single(numbers).Value);
    }

    [Fact]
    public void Group_RowAtEvenLooseSpacing_StaysOneNumber()
    {
        // sheet_a's top row as the reader boxes it: heights 39-61, gaps 26-45 (0.6-1.05 of a height).
        Rect[] boxes =
        [
            new(118, 63, 10, 46), new(173, 68, 33, 43), new(240, 69, 30, 42), new(312, 67, 25, 61),
            new(371, 71, 23, 40), new(433, 76, 30, 61), new(489, 84, 19, 39),
        ];
        var digits = boxes.Select((box, i) => new DigitReading(box, i + 1, 0.9));

        var (_, numbers) = _grouper.Group([.. digits]);

        Assert.Equal("1234567", Assert.Single(numbers).Value);
    }

    [Fact]
    public void Group_OneGapTwiceTheOthers_SplitsThereOnly()
    {
        // Gaps 8, 8, 45, 8 with digits 40 tall: the 45 would join a loosely written row, but not this one.
        DigitReading[] digits = [Digit(1, 0), Digit(2, 48), Digit(3, 96), Digit(4, 181), Digit(5, 229)];

        var (_, numbers) = _grouper.Group(digits);

        Assert.Equal(["123", "45"], numbers.Select(n => n.Value));
    }

    [Fact]
    public void Group_TwoNumbersAtEvenSpacingEach_SplitAtTheWideGap()
    {
        // Two numbers written loosely (gaps 0.6 of a height) two heights apart on one line.
        DigitReading[] digits =
            [Digit(1, 0), Digit(2, 64), Digit(3, 128), Digit(4, 248), Digit(5, 312), Digit(6, 376)];

        var (_, numbers) = _grouper.Group(digits);

        Assert.Equal(["123", "456"], numbers.Select(n => n.Value));
    }

    [Fact]
    public void Group_NoDigits_GivesNoNumbers()
    {
        var (ordered, numbers) = _grouper.Group([]);

        Assert.Empty(ordered);
        Assert.Empty(numbers);
    }

    private static DigitReading Sized(int digit, int x, int y, int height) =>
        new(new Rect(x, y, height * 3 / 4, height), digit, 0.9);

    private static DigitReading Digit(int digit, int x, double confidence = 0.9, int y = 100) =>
        new(new Rect(x, y, 40, 40), digit, confidence);
}
