using OpenCvSharp;

namespace LiveDigits.Pipeline.Segmentation;

/// <summary>Which candidates a frame keeps when it holds more than can be classified: the tallest.</summary>
/// <remarks>
/// The segmenter applies the cap before it cuts out any candidate's ink, and the reader's chooser again on
/// what it is given; both go through here, so the two can never pick differently.
/// </remarks>
internal static class CandidateCap
{
    /// <summary>Picks the candidates kept under a cap.</summary>
    /// <param name="boxes">Every candidate's box, in the frame's order.</param>
    /// <param name="max">The most candidates kept.</param>
    /// <returns>Whether each candidate is kept, in the same order.</returns>
    public static bool[] Kept(IReadOnlyList<Rect> boxes, int max)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        var kept = new bool[boxes.Count];
        if (boxes.Count <= max)
        {
            Array.Fill(kept, true);
            return kept;
        }

        // The tallest are kept, not the largest: a 1 is as tall as the digits beside it but a fifth of their
        // area, and ranking by area dropped the 1s of a full page first (numbers lost a digit each). The sort
        // is stable, so of equal boxes the first in the frame is kept.
        var tallest = Enumerable.Range(0, boxes.Count)
            .OrderByDescending(i => boxes[i].Height)
            .ThenByDescending(i => boxes[i].Width)
            .Take(max);
        foreach (var i in tallest)
        {
            kept[i] = true;
        }

        return kept;
    }
}
