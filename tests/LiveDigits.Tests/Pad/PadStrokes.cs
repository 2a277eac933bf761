using System.Globalization;
using System.Text.Json;
using OpenCvSharp;

namespace LiveDigits.Tests.Pad;

/// <summary>
/// A handwritten digit from <c>tests/data/pad/digits.json</c>: its strokes as control points, smoothed
/// into the dense pen paths a mouse would trace, and moved or scaled on the pad.
/// </summary>
internal sealed record PadStrokes(int Label, string Name, IReadOnlyList<IReadOnlyList<Point>> Strokes)
{
    private const int SamplesPerSegment = 6;
    private static readonly Lazy<IReadOnlyList<PadStrokes>> s_all = new(Load);

    /// <summary>Every digit in the data file: 0-9 in order, then the two-stroke variants.</summary>
    public static IReadOnlyList<PadStrokes> All => s_all.Value;

    /// <summary>The plain digits 0-9, one each.</summary>
    public static IEnumerable<PadStrokes> Digits => All.Where(d => d.Name.Length == 1);

    public static PadStrokes Named(string name) => All.Single(d => d.Name == name);

    /// <summary>The digit as the pad prints it.</summary>
    public string LabelText => Label.ToString(CultureInfo.InvariantCulture);

    /// <summary>The box around the control points.</summary>
    public Rect Bounds
    {
        get
        {
            var points = Strokes.SelectMany(s => s).ToList();
            var left = points.Min(p => p.X);
            var top = points.Min(p => p.Y);
            return new Rect(left, top, points.Max(p => p.X) - left, points.Max(p => p.Y) - top);
        }
    }

    /// <summary>The digit scaled about its centre, then moved to centre on <paramref name="centre"/>.</summary>
    public PadStrokes Placed(Point centre, double scale)
    {
        var bounds = Bounds;
        var middleX = bounds.X + (bounds.Width / 2.0);
        var middleY = bounds.Y + (bounds.Height / 2.0);
        var moved = Strokes
            .Select(stroke => (IReadOnlyList<Point>)stroke
                .Select(p => new Point(
                    (int)Math.Round(centre.X + ((p.X - middleX) * scale)),
                    (int)Math.Round(centre.Y + ((p.Y - middleY) * scale))))
                .ToList())
            .ToList();
        return this with { Strokes = moved };
    }

    /// <summary>The pen paths: each stroke's control points joined by a Catmull-Rom curve.</summary>
    public IReadOnlyList<IReadOnlyList<Point>> PenPaths() => Strokes.Select(Smooth).ToList();

    private static List<Point> Smooth(IReadOnlyList<Point> points)
    {
        if (points.Count < 3)
        {
            return [.. points];
        }

        var path = new List<Point> { points[0] };
        for (var i = 0; i < points.Count - 1; i++)
        {
            var p0 = points[Math.Max(i - 1, 0)];
            var p1 = points[i];
            var p2 = points[i + 1];
            var p3 = points[Math.Min(i + 2, points.Count - 1)];
            for (var step = 1; step <= SamplesPerSegment; step++)
            {
                var t = (double)step / SamplesPerSegment;
                path.Add(new Point(CatmullRom(p0.X, p1.X, p2.X, p3.X, t), CatmullRom(p0.Y, p1.Y, p2.Y, p3.Y, t)));
            }
        }

        return path;
    }

    private static int CatmullRom(double p0, double p1, double p2, double p3, double t)
    {
        var t2 = t * t;
        var t3 = t2 * t;
        var value = 0.5 * ((2 * p1) + ((-p0 + p2) * t) + (((2 * p0) - (5 * p1) + (4 * p2) - p3) * t2)
            + ((-p0 + (3 * p1) - (3 * p2) + p3) * t3));
        return (int)Math.Round(value);
    }

    private static List<PadStrokes> Load()
    {
        var path = Path.Combine(TestData.Folder, "pad", "digits.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("digits").EnumerateArray()
            .Select(digit => new PadStrokes(
                digit.GetProperty("label").GetInt32(),
                digit.GetProperty("name").GetString()!,
                digit.GetProperty("strokes").EnumerateArray()
                    .Select(stroke => (IReadOnlyList<Point>)stroke.EnumerateArray()
                        .Select(p => new Point(p[0].GetInt32(), p[1].GetInt32()))
                        .ToList())
                    .ToList()))
            .ToList();
    }
}
