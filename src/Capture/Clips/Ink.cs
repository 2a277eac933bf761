using OpenCvSharp;

namespace LiveDigits.Capture.Clips;

/// <summary>A pen: its colour, how opaque its line is, its stroke width, and whether it is a grainy pencil.</summary>
/// <param name="Colour">BGR colour of the ink.</param>
/// <param name="Opacity">0-1; how much the ink covers the paper where the stroke is solid.</param>
/// <param name="StrokeWidth">Stroke width in sheet pixels.</param>
/// <param name="IsPencil">Whether the line is grainy graphite rather than ink.</param>
internal sealed record Ink(Scalar Colour, double Opacity, double StrokeWidth, bool IsPencil)
{
    /// <summary>Picks a pen: blue or black ballpoint, red-ish ink, or pencil; thin to marker-thick.</summary>
    public static Ink Pick(Random random, double unit)
    {
        var kind = random.Next(10);
        var marker = random.NextDouble() < 0.25;
        var width = unit * (marker ? 6 + (random.NextDouble() * 5) : 2.2 + (random.NextDouble() * 3.5));
        Scalar Colour(int b, int g, int r) => new(b + random.Next(30), g + random.Next(25), r + random.Next(30));
        return kind switch
        {
            < 4 => new Ink(Colour(150, 60, 25), 0.93, width, false),
            < 7 => new Ink(Colour(30, 28, 30), 0.95, width, false),
            < 8 => new Ink(Colour(45, 40, 165), 0.92, width, false),
            _ => new Ink(Colour(55, 55, 60), 0.9, Math.Max(width, 3.5 * unit), true),
        };
    }

    /// <summary>
    /// Composites <paramref name="alpha"/> (float 0-1, the shape of the stroke) onto <paramref name="paper"/>
    /// in this ink, in place.
    /// </summary>
    public void Apply(Mat paper, Mat alpha, Random random)
    {
        using var cover = new Mat();
        alpha.ConvertTo(cover, MatType.CV_32FC1, Opacity);
        if (IsPencil)
        {
            // Graphite leaves a broken, grainy line: modulate the cover with fine noise.
            using var grain = Textures.Grain(alpha.Size(), 0.22, random);
            Cv2.Add(grain, new Scalar(0.85), grain);
            Cv2.Multiply(cover, grain, cover);
            Cv2.Threshold(cover, cover, 1, 1, ThresholdTypes.Trunc);
            Cv2.Max(cover, 0, cover);
        }

        using var keep = new Mat();
        Cv2.Subtract(Scalar.All(1), cover, keep);
        using var solid = new Mat(paper.Size(), MatType.CV_8UC3, Colour);
        Cv2.BlendLinear(paper, solid, keep, cover, paper);
    }
}
