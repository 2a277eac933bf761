using OpenCvSharp;

namespace LiveDigits.Pipeline.Segmentation;

/// <summary>
/// Proposes where a candidate may be two touching digits (a 7 whose foot runs into the 2 beside it): cuts at
/// the columns where the least ink crosses, the way a writer's two digits usually meet.
/// </summary>
/// <remarks>
/// It only proposes: the reader classifies both halves of each cut and keeps a cut only when the network
/// reads both halves as digits more surely than the whole, so a wide 0 or a 4 with a long bar stays whole.
/// </remarks>
public static class CandidateSplitter
{
    /// <summary>A candidate narrower than this share of its height is one digit: no cut is tried.</summary>
    public const double MinAspect = 0.75;

    // Each half keeps at least this share of the width (a narrow 1 beside a 7 is about a fifth of the pair),
    // and the cut avoids columns where ink is thicker than this share of the height (through a loop).
    private const double MinPartShare = 0.15;
    private const double MaxCutInkShare = 0.35;

    /// <summary>Proposes up to <paramref name="maxCuts"/> cuts of a candidate into a left and a right part.</summary>
    /// <param name="candidate">The candidate; only read.</param>
    /// <param name="maxCuts">The most cuts proposed, thinnest first.</param>
    /// <returns>The parts of each cut, owned by the caller; empty when the candidate is narrow.</returns>
    public static List<(DigitCandidate Left, DigitCandidate Right)> Cuts(DigitCandidate candidate, int maxCuts)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var box = candidate.Box;
        if (box.Width < MinAspect * box.Height || box.Width < 6)
        {
            return [];
        }

        var columns = ColumnInk(candidate.Ink);
        var cuts = new List<(DigitCandidate, DigitCandidate)>();
        foreach (var x in Thinnest(columns, box.Height, maxCuts))
        {
            var left = Part(candidate, 0, x);
            var right = Part(candidate, x, box.Width);
            if (left is not null && right is not null)
            {
                cuts.Add((left, right));
            }
            else
            {
                left?.Dispose();
                right?.Dispose();
            }
        }

        return cuts;
    }

    private static int[] ColumnInk(Mat ink)
    {
        using var sums = new Mat();
        Cv2.Reduce(ink, sums, ReduceDimension.Row, ReduceTypes.Sum, MatType.CV_32S);
        var columns = new int[ink.Cols];
        for (var x = 0; x < columns.Length; x++)
        {
            columns[x] = sums.At<int>(0, x) / 255;
        }

        return columns;
    }

    private static List<int> Thinnest(int[] columns, int height, int maxCuts)
    {
        // A cut stands at a local minimum of the ink per column (a valley between two digits); plateaus
        // give their middle. Cuts closer than a tenth of the height to a better one are the same valley.
        var margin = Math.Max(2, (int)Math.Ceiling(MinPartShare * columns.Length));
        var valleys = new List<(int Ink, int X)>();
        for (var x = margin; x < columns.Length - margin; x++)
        {
            var end = x;
            while (end + 1 < columns.Length - margin && columns[end + 1] == columns[x])
            {
                end++;
            }

            var lowerThanLeft = columns[x - 1] > columns[x];
            var lowerThanRight = end + 1 >= columns.Length || columns[end + 1] > columns[x];
            if (lowerThanLeft && lowerThanRight && columns[x] <= MaxCutInkShare * height)
            {
                valleys.Add((columns[x], (x + end + 1) / 2));
            }

            x = end;
        }

        var chosen = new List<int>();
        foreach (var (_, x) in valleys.OrderBy(v => v.Ink).ThenBy(v => Math.Abs(v.X - (columns.Length / 2))))
        {
            if (chosen.Count < maxCuts && chosen.All(c => Math.Abs(c - x) >= Math.Max(2, height / 10)))
            {
                chosen.Add(x);
            }
        }

        return chosen;
    }

    private static DigitCandidate? Part(DigitCandidate candidate, int from, int to)
    {
        using var strip = new Mat(candidate.Ink, new Rect(from, 0, to - from, candidate.Box.Height));
        var tight = Cv2.BoundingRect(strip);
        if (tight.Width < 2 || tight.Height < candidate.Box.Height / 2)
        {
            return null;
        }

        var ink = new Mat(strip, tight).Clone();
        var box = new Rect(candidate.Box.X + from + tight.X, candidate.Box.Y + tight.Y, tight.Width, tight.Height);
        return new DigitCandidate(box, ink);
    }
}
