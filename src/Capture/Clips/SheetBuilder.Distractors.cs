using OpenCvSharp;

namespace LiveDigits.Capture.Clips;

internal sealed partial class SheetBuilder
{
    // Letters only: printed digits would be digits a reader is right to read, and the truth holds
    // handwritten ones alone.
    private static readonly string[] s_words =
    [
        "Name", "Date", "Class", "Exercise", "Total", "Answers", "Page", "Invoice", "Customer", "Amount",
        "Notes", "Week", "Homework", "Check", "Reference", "Phone", "Room", "Batch", "Items", "Price",
        "Sum", "Order", "Account", "Meeting", "Tasks", "Results", "Score", "Mark", "Subtotal", "Due",
    ];

    private static readonly HersheyFonts[] s_fonts =
    [
        HersheyFonts.HersheySimplex, HersheyFonts.HersheyDuplex, HersheyFonts.HersheyComplex,
        HersheyFonts.HersheyTriplex,
    ];

    private void PrintHeader()
    {
        var height = (18 + (_random.NextDouble() * 10)) * _unit;
        var x = 60 * _unit;
        var baseline = 80 * _unit;
        for (var i = 0; i < 2 + _random.Next(3); i++)
        {
            x = PrintWord(x, baseline, height) + (height * 2.5);
        }
    }

    private void PrintLine(double baseline, double height)
    {
        var x = (_ruleSpacing > 0 ? 200 : 60) * _unit;
        while (x < PaperWidth * 0.75)
        {
            x = PrintWord(x, baseline, height) + (height * 0.6);
        }
    }

    /// <summary>Prints a word in a Hershey font, capitals <paramref name="height"/> high; returns its end.</summary>
    private double PrintWord(double x, double baseline, double height)
    {
        var word = s_words[_random.Next(s_words.Length)];
        var font = s_fonts[_random.Next(s_fonts.Length)];
        var reference = Cv2.GetTextSize("H", font, 1, 1, out _);
        var scale = height / reference.Height;
        var thickness = Math.Max(1, (int)Math.Round(scale * 1.6));
        var size = Cv2.GetTextSize(word, font, scale, thickness, out var below);
        var colour = Scalar.All(25 + _random.Next(40));
        var origin = new Point(x, baseline);
        _paper.PutText(word, origin, font, scale, colour, thickness, LineTypes.AntiAlias);
        _occupied.Add(new Rect((int)x, (int)(baseline - size.Height), size.Width, size.Height + below));
        return x + size.Width;
    }

    /// <summary>Draws one to three loose scribbles along a row: loops and cross-outs, never digit-sized.</summary>
    private void Scribble(double baseline, double height)
    {
        var ink = Ink.Pick(_random, _unit);
        var thickness = Math.Max(1, (int)Math.Round(ink.StrokeWidth));
        var x = (_ruleSpacing > 0 ? 220 : 80) * _unit;
        for (var s = 0; s < 1 + _random.Next(3) && x < PaperWidth - (400 * _unit); s++)
        {
            var width = height * (2.5 + (2.5 * _random.NextDouble()));
            var points = new List<Point>();
            var steps = 60;
            var loops = 3 + _random.Next(5);
            for (var i = 0; i <= steps; i++)
            {
                var t = (double)i / steps;
                var px = x + (t * width) + (0.35 * height * Math.Cos(t * loops * 2 * Math.PI));
                var py = baseline - (height * 0.5) + (0.45 * height * Math.Sin(t * loops * 2 * Math.PI * 1.3));
                points.Add(new Point(px, py));
            }

            _paper.Polylines([points], false, ink.Colour, thickness, LineTypes.AntiAlias);
            _occupied.Add(Cv2.BoundingRect(points));
            x += width + (height * (1 + _random.NextDouble()));
        }
    }

    /// <summary>Adds pen specks where nothing is written, a common source of phantom digits.</summary>
    private void AddDots(int count)
    {
        for (int placed = 0, tries = 0; placed < count && tries < count * 20; tries++)
        {
            var centre = new Point(
                (80 * _unit) + (_random.NextDouble() * (PaperWidth - (160 * _unit))),
                (120 * _unit) + (_random.NextDouble() * (PaperHeight - (200 * _unit))));
            var keepOut = (int)(25 * _unit);
            if (_occupied.Any(r => r.Contains(centre) || Inflate(r, keepOut).Contains(centre)))
            {
                continue;
            }

            var radius = Math.Max(1, (int)Math.Round((1.5 + (2.5 * _random.NextDouble())) * _unit));
            _paper.Circle(centre, radius, Ink.Pick(_random, _unit).Colour, -1, LineTypes.AntiAlias);
            _occupied.Add(new Rect(centre.X - radius, centre.Y - radius, 2 * radius, 2 * radius));
            placed++;
        }
    }

    private static Rect Inflate(Rect rect, int by) =>
        new(rect.X - by, rect.Y - by, rect.Width + (2 * by), rect.Height + (2 * by));
}
