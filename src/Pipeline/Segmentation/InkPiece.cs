using OpenCvSharp;

namespace LiveDigits.Pipeline.Segmentation;

/// <summary>One connected piece of ink in a frame, and which pieces may together be one digit.</summary>
/// <param name="Label">The piece's label in the frame's connected components.</param>
/// <param name="Box">The piece's box in the frame.</param>
/// <param name="Candidate">
/// The piece's index among the frame's candidates, or -1 when it is too small to be one.
/// </param>
internal readonly record struct InkPiece(int Label, Rect Box, int Candidate)
{
    // Pieces of one digit lie above one another (a 5's flag, the loop and stem of a pencil 9, a 2 whose
    // thin diagonal vanished) and nearly touch: they share at least half the narrower piece's columns and
    // the gap between them is at most about a third of the height they span together. The two digits of a
    // number sit side by side and never share that much; digits of two lines are further apart, and the
    // network's reading of the merge is the final check.
    private const double MinColumnShare = 0.5;
    private const double MaxGapShare = 0.35;

    // A merge must still look like one digit: not much wider than tall.
    private const double MaxMergedAspect = 1.5;

    // Groups of more pieces than this are texture or a scribble, not a broken digit.
    private const int MaxGroupPieces = 4;

    /// <summary>Finds the groups of pieces that may be one digit: every close pair, and larger clusters.</summary>
    /// <param name="pieces">The frame's pieces.</param>
    /// <param name="minHeight">The smallest digit height looked for.</param>
    /// <param name="maxHeight">The largest digit height looked for.</param>
    /// <param name="maxGroups">The most groups returned; the first found are kept.</param>
    /// <returns>Groups of two or more pieces, left to right.</returns>
    public static List<List<InkPiece>> MergeGroups(
        IReadOnlyList<InkPiece> pieces,
        int minHeight,
        double maxHeight,
        int maxGroups)
    {
        var byX = pieces.OrderBy(p => p.Box.X).ToList();
        var links = new List<(int A, int B)>();
        for (var a = 0; a < byX.Count && links.Count < maxGroups; a++)
        {
            for (var b = a + 1; b < byX.Count && byX[b].Box.X < byX[a].Box.Right && links.Count < maxGroups; b++)
            {
                if (MayJoin(byX[a].Box, byX[b].Box, minHeight, maxHeight))
                {
                    links.Add((a, b));
                }
            }
        }

        // Pairs come before clusters, so once there are as many pairs as groups wanted no cluster would be kept:
        // the search stops there. Texture links nearly every piece to another (13,000 pieces of noise cost
        // 40 ms to link in full), while a page of twenty digits makes a few dozen pairs at most.
        var groups = links.Select(l => new List<InkPiece> { byX[l.A], byX[l.B] }).ToList();
        if (links.Count < maxGroups)
        {
            groups.AddRange(Clusters(byX, links, minHeight, maxHeight));
        }

        return [.. groups.Take(maxGroups)];
    }

    private static bool MayJoin(Rect a, Rect b, int minHeight, double maxHeight)
    {
        var shared = Math.Min(a.Right, b.Right) - Math.Max(a.X, b.X);
        var gap = Math.Max(a.Y, b.Y) - Math.Min(a.Bottom, b.Bottom);
        return shared >= MinColumnShare * Math.Min(a.Width, b.Width)
            && gap <= MaxGapShare * (a | b).Height
            && Fits(a | b, minHeight, maxHeight);
    }

    private static bool Fits(Rect merged, int minHeight, double maxHeight) =>
        merged.Height >= minHeight && merged.Height <= maxHeight && merged.Width <= MaxMergedAspect * merged.Height;

    private static IEnumerable<List<InkPiece>> Clusters(
        List<InkPiece> pieces,
        List<(int A, int B)> links,
        int minHeight,
        double maxHeight)
    {
        var root = Enumerable.Range(0, pieces.Count).ToArray();
        int Find(int i) => root[i] == i ? i : root[i] = Find(root[i]);
        foreach (var (a, b) in links)
        {
            root[Find(a)] = Find(b);
        }

        return links
            .SelectMany(l => new[] { l.A, l.B })
            .Distinct()
            .GroupBy(Find)
            .Where(g => g.Count() > 2 && g.Count() <= MaxGroupPieces)
            .Select(g => g.Select(i => pieces[i]).ToList())
            .Where(g => Fits(g.Select(p => p.Box).Aggregate((x, y) => x | y), minHeight, maxHeight));
    }
}
