using LiveDigits.Pipeline.Classification;
using LiveDigits.Pipeline.Segmentation;
using OpenCvSharp;

namespace LiveDigits.Pipeline.Reader;

/// <summary>
/// Refuses digits that stand inside a word: a printed or written l, o or S among letters the network refused
/// reads as 1, 0 or 5 on its own, but not in its row.
/// </summary>
/// <remarks>
/// Candidates are chained into runs along a line the way digits are chained into numbers: overlapping
/// vertically by half the smaller height, of comparable height, and closer than <see cref="MaxGap"/> of the
/// taller one. A run of at least three in which the refused candidates outnumber the read digits is a word,
/// and its digits are refused too; pieces of ink too short or too wide to be candidates count as refused
/// letters, as a word's x-height letters are. A number keeps its digits when most of them are read, so one
/// pale or scrawled digit among them costs nothing more.
/// </remarks>
internal static class TextContext
{
    // The widest gap inside a run, in heights of the taller neighbour: a word's letters and a number's
    // digits both sit closer than this (NumberGrouper uses the same bar).
    private const double MaxGap = 0.7;

    // Neighbours in a run are of comparable height; lower-case letters are about half a capital's.
    private const double MinHeightRatio = 0.45;

    private const int MinRun = 3;

    // Pixels on a side of the cells that find the candidates a fragment may lie in: about a digit's height.
    private const int GridCell = 32;

    /// <summary>Refuses, in place, the read digits that stand in a run of mostly refused candidates.</summary>
    /// <param name="chosen">The frame's chosen candidates; predictions of refused ones are replaced.</param>
    /// <param name="accept">The lowest probability at which a candidate counts as a read digit.</param>
    /// <param name="unclassified">
    /// Candidates of the frame that were never classified (the cap keeps the tallest): they count as refused.
    /// On a printed page the cap keeps a word's ascenders (S, b, l, t, read as 5, 6, 1, 1) and drops its
    /// x-height letters, so without them a word falls apart into runs of digits.
    /// </param>
    /// <param name="fragments">
    /// Pieces of ink of the frame that were never candidates (<see cref="FrameSegmentation.Fragments"/>): they
    /// count as refused too. A printed word's x-height letters are shorter than the smallest digit looked for,
    /// and bold letters touch and make pieces too wide for one digit; without them the word's runs break and
    /// its lone l and t read as 1. A piece lying mostly inside a candidate is part of that candidate's ink
    /// (a broken digit's stroke, the dot of an i) and is not counted.
    /// </param>
    /// <returns>How many digits were refused.</returns>
    public static int RefuseDigitsInWords(
        List<(Rect Box, DigitPrediction Prediction, Mat Input)> chosen,
        double accept,
        IReadOnlyList<Rect>? unclassified = null,
        IReadOnlyList<Rect>? fragments = null)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        unclassified ??= [];
        var isRead = chosen.Select(c => c.Prediction.IsDigit && c.Prediction.Confidence >= accept).ToArray();
        if (!isRead.Any(r => r))
        {
            return 0;
        }

        var letters = Letters(chosen, isRead, unclassified, fragments ?? []);
        var read = isRead.Concat(letters.Select(_ => false)).ToArray();
        var refused = 0;
        foreach (var run in Runs([.. chosen.Select(c => c.Box), .. letters]))
        {
            var digits = run.Count(i => read[i]);
            if (run.Count < MinRun || digits == 0 || run.Count - digits <= digits)
            {
                continue;
            }

            foreach (var i in run.Where(i => read[i]))
            {
                var (box, prediction, input) = chosen[i];
                chosen[i] = (box, NotADigit(prediction.Probabilities.Count), input);
                refused++;
            }
        }

        return refused;
    }

    /// <summary>
    /// The boxes that count as refused letters: the unclassified candidates, and the fragments tall enough to
    /// stand beside the shortest read digit that do not lie inside a candidate.
    /// </summary>
    private static List<Rect> Letters(
        List<(Rect Box, DigitPrediction Prediction, Mat Input)> chosen,
        bool[] isRead,
        IReadOnlyList<Rect> unclassified,
        IReadOnlyList<Rect> fragments)
    {
        // A chain of ever smaller specks could otherwise link a digit to dust.
        var shortest = chosen.Where((_, i) => isRead[i]).Min(c => c.Box.Height);
        var byCell = chosen.Select(c => c.Box)
            .Concat(unclassified)
            .SelectMany(box => CellsOf(box).Select(cell => (Cell: cell, Box: box)))
            .ToLookup(c => c.Cell, c => c.Box);
        var letters = new List<Rect>(unclassified);
        letters.AddRange(fragments.Where(f =>
            f.Height >= MinHeightRatio * shortest && !byCell[CellOf(f)].Any(c => Inside(f, c))));
        return letters;
    }

    // A frame of noise has thousands of candidates and of fragments: rather than test every pair, each cell of a
    // coarse grid lists the candidates over it, and a fragment is tested against those over its centre only,
    // which is where any box holding more than half of it lies.
    private static IEnumerable<(int X, int Y)> CellsOf(Rect box)
    {
        for (var y = box.Top / GridCell; y <= (box.Bottom - 1) / GridCell; y++)
        {
            for (var x = box.Left / GridCell; x <= (box.Right - 1) / GridCell; x++)
            {
                yield return (x, y);
            }
        }
    }

    private static (int X, int Y) CellOf(Rect piece) =>
        (((2 * piece.X) + piece.Width) / (2 * GridCell), ((2 * piece.Y) + piece.Height) / (2 * GridCell));

    private static bool Inside(Rect piece, Rect candidate)
    {
        var shared = piece & candidate;
        return 2 * shared.Width * shared.Height > piece.Width * piece.Height;
    }

    private static List<List<int>> Runs(List<Rect> boxes)
    {
        // Union-find over neighbouring pairs, swept left to right: a neighbour is at most 1 / MinHeightRatio
        // times as tall as a box, so one that starts further than MaxGap of that height past it cannot join it
        // (a frame of noise has thousands of boxes; the extra pixel is for rounding).
        var byX = Enumerable.Range(0, boxes.Count).OrderBy(i => boxes[i].X).ToArray();
        var root = Enumerable.Range(0, boxes.Count).ToArray();
        int Find(int i) => root[i] == i ? i : root[i] = Find(root[i]);
        for (var a = 0; a < byX.Length; a++)
        {
            var left = boxes[byX[a]];
            var reach = 1 + (MaxGap / MinHeightRatio * left.Height);
            for (var b = a + 1; b < byX.Length && boxes[byX[b]].X - left.Right <= reach; b++)
            {
                if (Neighbours(left, boxes[byX[b]]))
                {
                    root[Find(byX[a])] = Find(byX[b]);
                }
            }
        }

        return [.. Enumerable.Range(0, boxes.Count).GroupBy(Find).Select(g => g.ToList())];
    }

    private static bool Neighbours(Rect a, Rect b)
    {
        var (small, tall) = (Math.Min(a.Height, b.Height), Math.Max(a.Height, b.Height));
        var overlap = Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top);
        var gap = Math.Max(a.X, b.X) - Math.Min(a.Right, b.Right);
        return small >= MinHeightRatio * tall && overlap >= 0.5 * small && gap <= MaxGap * tall;
    }

    private static DigitPrediction NotADigit(int classes)
    {
        var probabilities = new float[classes];
        if (classes > DigitPrediction.NotDigitClass)
        {
            probabilities[DigitPrediction.NotDigitClass] = 1;
        }
        else
        {
            // A ten-class network has no refusal class: an even spread is read as nothing at any bar.
            Array.Fill(probabilities, 1f / classes);
        }

        return new DigitPrediction(probabilities);
    }
}
