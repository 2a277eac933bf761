using OpenCvSharp;

namespace LiveDigits.Pipeline.Segmentation;

/// <summary>
/// Cuts a candidate's ink again at a level chosen from its own pixels: a small blurred 8 whose loops the frame's
/// threshold filled in, or two digits joined by a grey smear (JPEG blocks in a shadow), open up when only the
/// darkest of their ink is kept.
/// </summary>
/// <remarks>
/// The frame is binarised at fixed shares of the paper's brightness, which suits most ink; where blur or
/// compression spread grey around a stroke, the stroke's core and the grey around it are two populations of
/// the candidate's own pixels, and Otsu's method finds the level between them (a local threshold, computed
/// over the ink of one candidate rather than a window of the frame). It only proposes: the reader keeps the
/// new ink when the network reads it better than the old.
/// </remarks>
internal static class CandidateRethreshold
{
    // The new ink must drop a real share of the old (a soft edge shaved off changes nothing) and keep most
    // of the digit (a level inside the core leaves dots).
    private const double MaxKeptShare = 0.85;
    private const double MinKeptShare = 0.3;

    // Below this many ink pixels the two populations cannot be told apart.
    private const int MinInk = 40;

    /// <summary>Proposes the candidate's ink cut at its own level.</summary>
    /// <param name="candidate">The candidate; only read.</param>
    /// <param name="paper">The flattened frame it was found in (255 is bare paper); only read.</param>
    /// <returns>The tighter candidate, owned by the caller; null when the level changes little or too much.</returns>
    public static DigitCandidate? Tighten(DigitCandidate candidate, Mat paper)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(paper);
        var box = candidate.Box;
        var inside = box & new Rect(0, 0, paper.Cols, paper.Rows);
        var before = Cv2.CountNonZero(candidate.Ink);
        if (inside != box || before < MinInk)
        {
            return null;
        }

        using var region = new Mat(paper, box);
        var level = OtsuLevel(region, candidate.Ink);
        using var dark = new Mat();
        Cv2.Threshold(region, dark, level, 255, ThresholdTypes.BinaryInv);
        Cv2.BitwiseAnd(dark, candidate.Ink, dark);
        var after = Cv2.CountNonZero(dark);
        if (after > MaxKeptShare * before || after < MinKeptShare * before)
        {
            return null;
        }

        var tight = Cv2.BoundingRect(dark);
        if (tight.Height < box.Height / 2)
        {
            return null;
        }

        using var view = new Mat(dark, tight);
        var ink = view.Clone();
        return new DigitCandidate(new Rect(box.X + tight.X, box.Y + tight.Y, tight.Width, tight.Height), ink);
    }

    /// <summary>Otsu's level over the grey values under a mask: the one that best splits them in two.</summary>
    private static int OtsuLevel(Mat grey, Mat mask)
    {
        using var histogram = new Mat();
        Cv2.CalcHist([grey], [0], mask, histogram, 1, [256], [new Rangef(0, 256)]);
        var counts = new double[256];
        double total = 0, sum = 0;
        for (var v = 0; v < 256; v++)
        {
            counts[v] = histogram.At<float>(v);
            total += counts[v];
            sum += v * counts[v];
        }

        double below = 0, belowSum = 0, best = -1;
        var level = 0;
        for (var v = 0; v < 255; v++)
        {
            below += counts[v];
            belowSum += v * counts[v];
            var above = total - below;
            if (below == 0 || above == 0)
            {
                continue;
            }

            var gap = (belowSum / below) - ((sum - belowSum) / above);
            var between = below * above * gap * gap;
            if (between > best)
            {
                best = between;
                level = v;
            }
        }

        return level;
    }
}
