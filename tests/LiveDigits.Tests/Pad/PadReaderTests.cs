using LiveDigits.Overlay.Pad;
using LiveDigits.Pipeline.Classification;
using OpenCvSharp;

namespace LiveDigits.Tests.Pad;

public sealed class PadReaderTests : IDisposable
{
    private static readonly double[] s_scales = [1.0, 0.75, 0.5];
    private readonly DigitClassifier _classifier = DigitClassifier.Load(PadModel.Path);
    private readonly PadReader _reader;

    public PadReaderTests()
    {
        _reader = new PadReader(_classifier, PadCanvas.DefaultStrokeWidth);
    }

    public static TheoryData<string> DigitNames => new(PadStrokes.Digits.Select(d => d.Name));

    public static TheoryData<string> TwoStrokeNames => new("twoStroke4", "twoStroke5", "twoStroke7");

    /// <summary>Nine centres (a 3x3 grid that keeps the digit on the pad) at each of three scales.</summary>
    internal static IEnumerable<(Point Centre, double Scale)> Placements(PadStrokes digit)
    {
        foreach (var scale in s_scales)
        {
            var halfWidth = (digit.Bounds.Width * scale / 2) + PadCanvas.DefaultStrokeWidth;
            var halfHeight = (digit.Bounds.Height * scale / 2) + PadCanvas.DefaultStrokeWidth;
            int[] xs = [(int)halfWidth, PadCanvas.DefaultSide / 2, PadCanvas.DefaultSide - (int)halfWidth];
            int[] ys = [(int)halfHeight, PadCanvas.DefaultSide / 2, PadCanvas.DefaultSide - (int)halfHeight];
            foreach (var x in xs)
            {
                foreach (var y in ys)
                {
                    yield return (new Point(x, y), scale);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(DigitNames))]
    public void Read_SameStrokesAtNinePositionsAndThreeScales_GivesTheSameDigit(string name)
    {
        var digit = PadStrokes.Named(name);

        var readings = Placements(digit).Select(p => ReadDrawn(digit.Placed(p.Centre, p.Scale))).ToList();

        Assert.Equal(27, readings.Count);
        Assert.All(readings, r => Assert.Equal((PadReadingKind.Digit, digit.LabelText), (r.Kind, r.Value)));
    }

    [Theory]
    [MemberData(nameof(TwoStrokeNames))]
    public void Read_TwoStrokeDigit_ReadsAsOneDigit(string name)
    {
        var digit = PadStrokes.Named(name);

        var readings = Placements(digit).Select(p => ReadDrawn(digit.Placed(p.Centre, p.Scale))).ToList();

        Assert.Equal(2, digit.Strokes.Count);
        Assert.All(readings, r => Assert.Equal((PadReadingKind.Digit, digit.LabelText), (r.Kind, r.Value)));
    }

    [Fact]
    public void Read_EmptyPad_IsEmpty()
    {
        using var canvas = new PadCanvas();

        var reading = _reader.Read(canvas.Image);

        Assert.Equal(PadReadingKind.Empty, reading.Kind);
        Assert.Equal("empty", reading.Describe());
    }

    [Theory]
    [InlineData(60, 300)]
    [InlineData(200, 200)]
    public void Read_Dot_IsNotADigit(int x, int y)
    {
        using var canvas = new PadCanvas();
        canvas.Draw([[new Point(x, y)]]);

        var reading = _reader.Read(canvas.Image);

        Assert.Equal(PadReadingKind.NotDigit, reading.Kind);
        Assert.Equal("not a digit (a dot)", reading.Describe());
    }

    public static TheoryData<string, int[][]> Scribbles => new()
    {
        { "dash", [[80, 200, 320, 205]] },
        { "smile", [[90, 220, 150, 300, 250, 300, 310, 220]] },
        { "zigzag", [[80, 120, 320, 140, 90, 200, 310, 220, 100, 280, 300, 300]] },
        { "spiral", [[200, 200, 240, 190, 250, 240, 190, 270, 140, 220, 160, 140, 250, 120, 310, 200, 290, 300,
            170, 330, 90, 260]] },
        { "cross", [[100, 100, 300, 300], [300, 100, 100, 300]] },
        { "blob", [[150, 150, 250, 160, 160, 190, 260, 200, 150, 230, 250, 250, 170, 170, 230, 240]] },
    };

    [Theory]
    [MemberData(nameof(Scribbles))]
    public void Read_Scribble_IsNotADigit(string name, int[][] strokes)
    {
        using var canvas = new PadCanvas();
        canvas.Draw(strokes.Select(s => (IReadOnlyList<Point>)[.. s.Chunk(2).Select(p => new Point(p[0], p[1]))]));

        var reading = _reader.Read(canvas.Image);

        Assert.True(reading.Kind == PadReadingKind.NotDigit, $"{name} read as {reading.Describe()}");
        Assert.StartsWith("not a digit (", reading.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DigitWithAStrayDot_ReadsTheDigit()
    {
        var seven = PadStrokes.Named("7").Placed(new Point(220, 200), 0.75);
        using var canvas = new PadCanvas();
        canvas.Draw(seven.PenPaths());
        canvas.Draw([[new Point(40, 360)]]);

        var reading = _reader.Read(canvas.Image);

        Assert.Equal((PadReadingKind.Digit, "7"), (reading.Kind, reading.Value));
    }

    [Fact]
    public void Read_TwoDigitsSideBySide_ReadsTheNumberLeftToRightWithTheLowestConfidence()
    {
        var four = PadStrokes.Named("4").Placed(new Point(100, 200), 0.5);
        var two = PadStrokes.Named("2").Placed(new Point(290, 210), 0.55);
        var alone = new[] { ReadDrawn(four), ReadDrawn(two) };

        var number = ReadDrawn(two with { Strokes = [.. two.Strokes, .. four.Strokes] });

        Assert.Equal((PadReadingKind.Number, "42"), (number.Kind, number.Value));
        Assert.Equal(alone.Min(r => r.Confidence), number.Confidence, 3);
        Assert.Equal(2, number.Views.Count);
    }

    [Fact]
    public void Read_Digit_ShowsTheNetworkImageAndTopThreeClasses()
    {
        var reading = ReadDrawn(PadStrokes.Named("3").Placed(new Point(200, 200), 0.75));

        var view = Assert.Single(reading.Views);
        Assert.Equal(28 * 28, view.Length);
        Assert.Equal(3, reading.Top.Count);
        Assert.Equal(3, reading.Top[0].Class);
        Assert.True(reading.Top[0].Probability >= reading.Top[1].Probability);
        Assert.Equal(reading.Confidence, reading.Top[0].Probability, 5);
    }

    public void Dispose() => _classifier.Dispose();

    private PadReading ReadDrawn(PadStrokes digit)
    {
        using var canvas = new PadCanvas();
        canvas.Draw(digit.PenPaths());
        return _reader.Read(canvas.Image);
    }
}
