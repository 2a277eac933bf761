using LiveDigits.Pipeline.Classification;
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
/// and its digits are refused too. A number keeps its digits when most of them are read, so one pale or
/// scrawled digit among them costs nothing more.
/// </remarks>
internal static class TextContext
{
    // The widest gap inside a run, in heights of the taller neighbour: a word's letters and a number's
    // digits both sit closer than this (NumberGrouper uses the same bar).
    private const double MaxGap = 0.7;

    // Neighbours in a run are of comparable height; lower-case letters are about half a capital's.
    private const double MinHeightRatio = 0.45;

    private const int MinRun = 3;

    /// <summary>Refuses, in place, the read digits that stand in a run of mostly refused candidates.</summary>
    /// <param name="chosen">The frame's chosen candidates; predictions of refused ones are replaced.</param>
    /// <param name="accept">The lowest probability at which a candidate counts as a read digit.</param>
    /// <param name="unclassified">
    /// Candidates of the frame that were never classified (the cap keeps the tallest): they count as refused.
    /// On a printed page the cap keeps a word's ascenders (S, b, l, t, read as 5, 6, 1, 1) and drops its
    /// x-height letters, so without them a word falls apart into runs of digits.
    /// </param>
    /// <returns>How many digits were refused.</returns>
    public static int RefuseDigitsInWords(
        List<(Rect Box, DigitPrediction Prediction, Mat Input)> chosen,
        double accept,
        IReadOnlyList<Rect>? unclassified = null)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        unclassified ??= [];
        var read = chosen.Select(c => c.Prediction.IsDigit && c.Prediction.Confidence >= accept)
            .Concat(unclassified.Select(_ => false))
            .ToArray();
        var refused = 0;
        foreach (var run in Runs([.. chosen.Select(c => c.Box), .. unclassified]))
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

    private static List<List<int>> Runs(List<Rect> boxes)
    {
        // Union-find over neighbouring pairs; a few dozen candidates a frame make the pairwise test cheap.
        var root = Enumerable.Range(0, boxes.Count).ToArray();
        int Find(int i) => root[i] == i ? i : root[i] = Find(root[i]);
        for (var a = 0; a < boxes.Count; a++)
        {
            for (var b = a + 1; b < boxes.Count; b++)
            {
                if (Neighbours(boxes[a], boxes[b]))
                {
                    root[Find(a)] = Find(b);
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
