using LiveDigits.Capture.Mnist;
using OpenCvSharp;

namespace LiveDigits.Capture.Clips;

/// <summary>
/// Writes a sheet: rows of numbers in handwriting from MNIST test images, on plain, ruled or squared paper,
/// with printed text, dots and (in the hard style) scribbles, lying on a desk.
/// </summary>
internal sealed partial class SheetBuilder
{
    private static readonly int[] s_digitsPerNumberWeights = [0, 10, 20, 25, 20, 13, 12];

    private readonly MnistSet _mnist;
    private readonly Random _random;
    private readonly double _unit;
    private readonly double _spacing;
    private readonly bool _hard;
    private readonly Mat _paper;
    private readonly List<SheetDigit> _digits = [];
    private readonly List<ClipSheetNumber> _numbers = [];
    private readonly List<Rect> _occupied = [];
    private double _ruleSpacing;
    private double _ruleTop;

    private SheetBuilder(ClipOptions options, MnistSet mnist, Random random)
    {
        _mnist = mnist;
        _random = random;
        _unit = options.Height / 720.0;
        _spacing = options.Spacing;
        _hard = options.Style == ClipStyle.Hard;
        _paper = Textures.Paper(new Size(2400 * _unit, 1700 * _unit), random);
    }

    private int PaperWidth => _paper.Width;

    private int PaperHeight => _paper.Height;

    /// <summary>Builds the sheet for <paramref name="options"/>; the same seed gives the same sheet.</summary>
    public static Sheet Build(ClipOptions options, MnistSet mnist, Random random)
    {
        var builder = new SheetBuilder(options, mnist, random);
        try
        {
            var paperKind = options.Style == ClipStyle.Hard
                ? (ClipStyle)random.Next((int)ClipStyle.Grid + 1)
                : options.Style;
            builder.Rule(paperKind);
            builder.PrintHeader();
            builder.WriteRows();
            builder.AddDots(builder._hard ? 18 : 5);
            return builder.LayOnDesk();
        }
        finally
        {
            builder._paper.Dispose();
        }
    }

    private void Rule(ClipStyle paperKind)
    {
        var thickness = Math.Max(1, (int)Math.Round(1.6 * _unit));
        if (paperKind == ClipStyle.Ruled)
        {
            _ruleSpacing = (72 + (_random.NextDouble() * 26)) * _unit;
            _ruleTop = 150 * _unit;
            var line = new Scalar(215 + _random.Next(15), 185 + _random.Next(20), 150 + _random.Next(25));
            for (var y = _ruleTop; y < PaperHeight - (20 * _unit); y += _ruleSpacing)
            {
                _paper.Line(new Point(0, y), new Point(PaperWidth, y), line, thickness, LineTypes.AntiAlias);
            }

            var margin = (int)(170 * _unit);
            var red = new Scalar(165, 150, 235);
            _paper.Line(new Point(margin, 0), new Point(margin, PaperHeight), red, thickness, LineTypes.AntiAlias);
        }
        else if (paperKind == ClipStyle.Grid)
        {
            var step = (38 + (_random.NextDouble() * 18)) * _unit;
            var colour = new Scalar(212 + _random.Next(20), 195 + _random.Next(20), 175 + _random.Next(25));
            for (var x = step / 2; x < PaperWidth; x += step)
            {
                _paper.Line(new Point(x, 0), new Point(x, PaperHeight), colour, thickness, LineTypes.AntiAlias);
            }

            for (var y = step / 2; y < PaperHeight; y += step)
            {
                _paper.Line(new Point(0, y), new Point(PaperWidth, y), colour, thickness, LineTypes.AntiAlias);
            }
        }
    }

    private void WriteRows()
    {
        var minHeight = (_hard ? 28 : 24) * _unit;
        var maxHeight = 120 * _unit;
        var top = 150 * _unit;
        while (true)
        {
            var height = Math.Exp(Lerp(Math.Log(minHeight), Math.Log(maxHeight), _random.NextDouble()));
            var baseline = top + height;
            if (_ruleSpacing > 0)
            {
                // Writers sit digits on a rule; big digits simply cross the rule above.
                var rule = Math.Ceiling((baseline - (0.1 * height) - _ruleTop) / _ruleSpacing);
                baseline = _ruleTop + (rule * _ruleSpacing) - (2 * _unit);
            }

            if (baseline + (0.3 * height) > PaperHeight - (50 * _unit))
            {
                return;
            }

            var roll = _random.NextDouble();
            if (roll < (_hard ? 0.15 : 0.05))
            {
                PrintLine(baseline, Math.Min(height * (0.4 + (0.3 * _random.NextDouble())), 34 * _unit));
            }
            else if (_hard && roll < 0.27)
            {
                Scribble(baseline, height);
            }
            else
            {
                WriteRow(baseline, height);
            }

            top = baseline + (height * (0.6 + (0.9 * _random.NextDouble())) * _spacing);
        }
    }

    private void WriteRow(double baseline, double height)
    {
        var left = (_ruleSpacing > 0 ? 200 : 60) * _unit;
        var right = PaperWidth - (60 * _unit);
        var x = left + (_random.NextDouble() * 2 * height) + (0.1 * PaperWidth * _random.NextDouble());
        var slope = (_random.NextDouble() - 0.5) * 0.03;
        var ink = Ink.Pick(_random, _unit);
        if (_hard && _random.NextDouble() < 0.3)
        {
            x = PrintWord(x, baseline, height * 0.5) + (height * 0.6);
        }

        // A few numbers per row, well apart: a sheet a person points a camera at, not a table of figures.
        var numbers = 1 + _random.Next(4);
        for (var n = 0; n < numbers && x < right; n++)
        {
            if (_random.NextDouble() < 0.2)
            {
                ink = Ink.Pick(_random, _unit);
            }

            var count = PickDigitCount();
            var written = WriteNumber(x, baseline + (slope * (x - left)), height, count, right, ink);
            if (written <= x)
            {
                return;
            }

            x = written + (height * (1.2 + (2.8 * _random.NextDouble())) * _spacing)
                + (0.25 * PaperWidth * _random.NextDouble() * _spacing);
        }
    }

    /// <summary>Writes a number of up to <paramref name="count"/> digits; returns the x where its ink ends.</summary>
    private double WriteNumber(double x, double baseline, double height, int count, double right, Ink ink)
    {
        var glyphs = new List<Glyph>();
        try
        {
            var end = x;
            for (var i = 0; i < count; i++)
            {
                var glyph = Glyph.Make(_mnist, _random, height * (0.88 + (0.22 * _random.NextDouble())), ink, _unit);
                var gap = i == 0 ? 0 : height * (0.06 + (0.26 * _random.NextDouble()));
                if (end + gap + glyph.InkBox.Width + glyph.Margin > right)
                {
                    glyph.Dispose();
                    break;
                }

                glyph.Left = end + gap;
                glyph.Baseline = baseline + (height * 0.05 * Gaussian());
                if ((AreaOf(glyph) & PaperArea) != AreaOf(glyph))
                {
                    glyph.Dispose();
                    break;
                }

                end = glyph.Left + glyph.InkBox.Width;
                glyphs.Add(glyph);
            }

            if (glyphs.Count == 0)
            {
                return x;
            }

            Commit(glyphs, ink);
            return end;
        }
        finally
        {
            glyphs.ForEach(g => g.Dispose());
        }
    }

    private void Commit(List<Glyph> glyphs, Ink ink)
    {
        var numberId = _numbers.Count;
        var ids = new List<int>();
        foreach (var glyph in glyphs)
        {
            var area = AreaOf(glyph);
            var origin = area.Location;
            using (var target = new Mat(_paper, area))
            {
                ink.Apply(target, glyph.Alpha, _random);
            }

            var id = _digits.Count;
            var box = new Rect(origin + glyph.InkBox.Location, glyph.InkBox.Size);
            var hull = glyph.Hull.Select(p => new Point2f(p.X + origin.X, p.Y + origin.Y)).ToArray();
            _digits.Add(new SheetDigit(new ClipSheetDigit(id, glyph.Label, glyph.MnistIndex, numberId), hull, box));
            _occupied.Add(box);
            ids.Add(id);
        }

        var value = string.Concat(glyphs.Select(g => (char)('0' + g.Label)));
        _numbers.Add(new ClipSheetNumber(numberId, value, ids));
    }

    private Rect PaperArea => new(0, 0, PaperWidth, PaperHeight);

    private static Rect AreaOf(Glyph glyph) => new(
        (int)Math.Round(glyph.Left) - glyph.InkBox.X,
        (int)Math.Round(glyph.Baseline) - glyph.InkBox.Bottom,
        glyph.Alpha.Width,
        glyph.Alpha.Height);

    private int PickDigitCount()
    {
        var roll = _random.Next(s_digitsPerNumberWeights.Sum());
        for (var count = 1; count < s_digitsPerNumberWeights.Length; count++)
        {
            roll -= s_digitsPerNumberWeights[count];
            if (roll < 0)
            {
                return count;
            }
        }

        return 1;
    }

    private Sheet LayOnDesk()
    {
        var margin = (int)(700 * _unit);
        var paperArea = new Rect(margin, margin, PaperWidth, PaperHeight);
        var canvas = Textures.Desk(new Size(PaperWidth + (2 * margin), PaperHeight + (2 * margin)), _random);
        CastPaperShadow(canvas, paperArea);
        using (var target = new Mat(canvas, paperArea))
        {
            _paper.CopyTo(target);
        }

        var digits = _digits
            .Select(d => d with
            {
                Hull = d.Hull.Select(p => new Point2f(p.X + margin, p.Y + margin)).ToArray(),
                Box = new Rect(d.Box.X + margin, d.Box.Y + margin, d.Box.Width, d.Box.Height),
            })
            .ToArray();
        return new Sheet(canvas, paperArea, digits, _numbers.ToArray());
    }

    private void CastPaperShadow(Mat canvas, Rect paperArea)
    {
        // Only the desk just around the paper darkens; 8-bit work on that band keeps the scratch small.
        var reach = (int)(60 * _unit);
        var around = new Rect(
                paperArea.X - reach, paperArea.Y - reach, paperArea.Width + (2 * reach), paperArea.Height + (2 * reach))
            & new Rect(0, 0, canvas.Width, canvas.Height);
        using var desk = new Mat(canvas, around);
        using var shade = new Mat(around.Size, MatType.CV_8UC1, Scalar.All(255));
        var offset = new Point((6 * _unit) - around.X, (9 * _unit) - around.Y);
        shade.Rectangle(new Rect(paperArea.Location + offset, paperArea.Size), Scalar.All(140), -1);
        Cv2.GaussianBlur(shade, shade, new Size(0, 0), 10 * _unit);
        using var shade3 = new Mat();
        Cv2.CvtColor(shade, shade3, ColorConversionCodes.GRAY2BGR);
        Cv2.Multiply(desk, shade3, desk, 1 / 255.0);
    }

    private double Gaussian()
    {
        var u = 1 - _random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * _random.NextDouble());
    }

    private static double Lerp(double a, double b, double t) => a + ((b - a) * t);
}
