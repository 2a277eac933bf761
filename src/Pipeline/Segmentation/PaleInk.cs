using OpenCvSharp;

namespace LiveDigits.Pipeline.Segmentation;

/// <summary>
/// Proposes whole digits where the ink mask holds only fragments of a faint one: light pencil or a blurred
/// stroke whose core is dark enough to seed ink in places only.
/// </summary>
/// <remarks>
/// The pale mask keeps every pixel a little darker than the paper, so a faint digit is one piece there
/// while its darkest dots are the only ink in the strict mask. Each pale piece of a digit's size that holds
/// strict ink and adds to it becomes a hypothesis replacing the strict candidates inside it; like any merge,
/// the reader keeps it only when the network reads it at least as well as what it replaces. Pale pieces with
/// no strict ink at all (paper texture, a shadow's edge) are never proposed, and a printed rule touching a
/// faint digit makes its pale piece too long to be one.
/// </remarks>
internal static class PaleInk
{
    // A pale piece adds to the strict ink when it joins two or more strict pieces, or when it holds twice
    // the ink of the one strict piece inside it (a dark digit's soft edge adds far less): the one dark grain
    // of a light pencil 0 is enough to anchor it.
    private const double MinGrowth = 2;

    // A pale piece must still look like one digit: not much wider than tall.
    private const double MaxAspect = 1.5;

    /// <summary>Proposes the frame's pale-ink hypotheses.</summary>
    /// <param name="pale">The pale mask of the frame.</param>
    /// <param name="binary">The (strict) ink mask of the frame.</param>
    /// <param name="pieces">The strict pieces the segmenter kept.</param>
    /// <param name="firsts">The first pixel of every strict label, by label.</param>
    /// <param name="minHeight">The smallest digit height looked for.</param>
    /// <param name="maxHeight">The largest digit height looked for.</param>
    /// <param name="max">The most hypotheses returned; the tallest are kept.</param>
    /// <returns>The hypotheses, owned by the caller.</returns>
    public static List<CandidateMerge> Hypotheses(
        Mat pale,
        Mat binary,
        IReadOnlyList<InkPiece> pieces,
        IReadOnlyList<Point> firsts,
        int minHeight,
        double maxHeight,
        int max)
    {
        if (max <= 0)
        {
            return [];
        }

        // Pale pieces are found at half resolution: labelling the whole pale mask, paper grain and all, cost
        // as much as the rest of the segmentation. A 2x2 block is pale when any of its pixels is, so a thin
        // faint stroke stays joined; the ink itself is then taken from the full mask.
        using var half = new Mat();
        Cv2.Resize(pale, half, new Size((pale.Cols + 1) / 2, (pale.Rows + 1) / 2), 0, 0, InterpolationFlags.Area);
        Cv2.Threshold(half, half, 0, 255, ThresholdTypes.Binary);
        using var paleLabels = new Mat();
        var (halfBoxes, _, _) = InkComponents.Label(half, paleLabels);

        // Every strict pixel is pale too, so a piece lies inside exactly one pale piece: its label is read at
        // the piece's first pixel. (Searching each piece's box for its ink cost 150 ms a frame on noise, where
        // 13,000 pieces are kept.)
        var groups = new Dictionary<int, List<InkPiece>>();
        foreach (var piece in pieces)
        {
            var first = firsts[piece.Label];
            var at = paleLabels.At<int>(first.Y / 2, first.X / 2);
            if (at > 0)
            {
                groups.TryAdd(at, []);
                groups[at].Add(piece);
            }
        }

        var hypotheses = new List<CandidateMerge>();
        var byHeight = groups
            .Select(g => (Label: g.Key, Pieces: g.Value, Box: BoxOf(halfBoxes[g.Key], pale.Size())))
            .Where(g => Fits(g.Box, minHeight, maxHeight))
            .OrderByDescending(g => g.Box.Height);
        foreach (var (label, group, box) in byHeight)
        {
            if (hypotheses.Count >= max)
            {
                break;
            }

            var ink = InkOf(pale, paleLabels, label, box);
            if (group.Count == 1 && !Grows(ink, binary, box))
            {
                ink.Dispose();
                continue;
            }

            var replaces = group.Where(p => p.Candidate >= 0).Select(p => p.Candidate).ToList();
            hypotheses.Add(new CandidateMerge(new DigitCandidate(box, ink), replaces));
        }

        return hypotheses;
    }

    private static Rect BoxOf(Rect half, Size frame) =>
        new Rect(2 * half.X, 2 * half.Y, 2 * half.Width, 2 * half.Height) & new Rect(0, 0, frame.Width, frame.Height);

    /// <summary>The full-resolution pale ink of one half-resolution pale piece, in its box.</summary>
    private static Mat InkOf(Mat pale, Mat paleLabels, int label, Rect box)
    {
        var halfBox = new Rect(box.X / 2, box.Y / 2, (box.Width + 1) / 2, (box.Height + 1) / 2)
            & new Rect(0, 0, paleLabels.Cols, paleLabels.Rows);
        using var halfRegion = new Mat(paleLabels, halfBox);
        using var own = new Mat();
        Cv2.Compare(halfRegion, label, own, CmpTypes.EQ);
        using var upscaled = new Mat();
        Cv2.Resize(own, upscaled, new Size(2 * halfBox.Width, 2 * halfBox.Height), 0, 0, InterpolationFlags.Nearest);
        using var mine = new Mat(upscaled, new Rect(0, 0, box.Width, box.Height));
        using var region = new Mat(pale, box);
        var ink = new Mat();
        Cv2.BitwiseAnd(region, mine, ink);
        return ink;
    }

    private static bool Fits(Rect box, int minHeight, double maxHeight) =>
        box.Height >= minHeight && box.Height <= maxHeight && box.Width <= MaxAspect * box.Height;

    private static bool Grows(Mat ink, Mat binary, Rect box)
    {
        using var strict = new Mat(binary, box);
        using var both = new Mat();
        Cv2.BitwiseAnd(strict, ink, both);
        return Cv2.CountNonZero(ink) >= MinGrowth * Cv2.CountNonZero(both);
    }
}
