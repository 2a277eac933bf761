using OpenCvSharp;

namespace LiveDigits.Overlay;

/// <summary>
/// Places text labels beside their boxes so that each stays readable: inside the picture, off the areas kept
/// clear (the status band) and off the labels placed before it, and as far as it can off other boxes.
/// </summary>
/// <remarks>
/// Each label tries spots around its box, nearest first (see <see cref="Place"/>), in each of its sizes, and
/// takes the first spot that covers nothing; when every spot covers something, the one covering least.
/// Labels are placed in the order asked, so earlier ones win; digits packed tighter than the rows of labels
/// around them can hold still end with labels touching.
/// </remarks>
public sealed class LabelLayout
{
    // Covering a label or the status band hides text; covering a box only hides a line or some ink.
    private const long TextWeight = 8;

    // Rows of spots on each side of a box; a label further off could be taken for another box's.
    private const int Tiers = 3;

    private readonly Size _canvas;
    private readonly List<Rect> _kept = [];
    private readonly List<Rect> _boxes;
    private readonly List<Rect> _placed = [];

    /// <summary>Starts an empty layout.</summary>
    /// <param name="canvas">The picture's size; every label is placed inside it.</param>
    /// <param name="boxes">The boxes drawn on the picture, which labels avoid where they can.</param>
    public LabelLayout(Size canvas, IEnumerable<Rect> boxes)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        _canvas = canvas;
        _boxes = [.. boxes];
    }

    /// <summary>Gets the labels placed so far, in the order they were placed.</summary>
    public IReadOnlyList<Rect> Placed => _placed;

    /// <summary>Keeps an area clear of labels, such as the status band.</summary>
    /// <param name="area">The area.</param>
    public void Keep(Rect area) => _kept.Add(area);

    /// <summary>Places a label beside <paramref name="box"/>, in one of the sizes it can be written at.</summary>
    /// <param name="box">The box the label names.</param>
    /// <param name="sizes">
    /// The label's sizes, background included, the preferred first: a shorter form (a digit without its
    /// probability) is taken touching the box before the full one is taken further off.
    /// </param>
    /// <param name="below">Whether the label's first choice is under the box rather than over it.</param>
    /// <returns>Which of <paramref name="sizes"/> was taken, and where the label goes, inside the picture.</returns>
    public (int Size, Rect Place) Place(Rect box, IReadOnlyList<Size> sizes, bool below)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentOutOfRangeException.ThrowIfZero(sizes.Count);
        var best = (Size: 0, Place: default(Rect));
        var bestCost = long.MaxValue;
        for (var tier = 0; tier <= Tiers; tier++)
        {
            for (var size = 0; size < sizes.Count; size++)
            {
                foreach (var spot in Spots(box, sizes[size], below, tier))
                {
                    var candidate = Inside(new Rect(spot, sizes[size]));
                    var cost = Cost(candidate, box);
                    if (cost == 0)
                    {
                        _placed.Add(candidate);
                        return (size, candidate);
                    }

                    if (cost < bestCost)
                    {
                        (best, bestCost) = ((size, candidate), cost);
                    }
                }
            }
        }

        _placed.Add(best.Place);
        return best;
    }

    /// <summary>
    /// The spots of one tier: touching the box (tier 0) or one or two label heights off, on the preferred
    /// side then the other, each aligned with the box's left edge, right edge and centre; tier 0 also has
    /// the spots right and left of the box. Tier 3 is the last resort, inside the box's top, on its own ink.
    /// </summary>
    private static IEnumerable<Point> Spots(Rect box, Size label, bool below, int tier)
    {
        if (tier == Tiers)
        {
            yield return new Point(box.X, box.Y);
            yield break;
        }

        int[] lefts = [box.X, box.Right - label.Width, box.X + ((box.Width - label.Width) / 2)];
        var over = box.Y - ((tier + 1) * label.Height);
        var under = box.Bottom + (tier * label.Height);
        foreach (var top in below ? new[] { under, over } : [over, under])
        {
            foreach (var left in lefts)
            {
                yield return new Point(left, top);
            }
        }

        if (tier == 0)
        {
            // Beside the box, level with its preferred edge, then the other: room a row of digits leaves.
            int[] tops = below ? [box.Bottom - label.Height, box.Y] : [box.Y, box.Bottom - label.Height];
            foreach (var top in tops)
            {
                yield return new Point(box.Right, top);
                yield return new Point(box.X - label.Width, top);
            }
        }
    }

    private Rect Inside(Rect label)
    {
        var x = Math.Clamp(label.X, 0, Math.Max(0, _canvas.Width - label.Width));
        var y = Math.Clamp(label.Y, 0, Math.Max(0, _canvas.Height - label.Height));
        return new Rect(x, y, label.Width, label.Height);
    }

    private long Cost(Rect label, Rect own)
    {
        long cost = 0;
        foreach (var text in _kept.Concat(_placed))
        {
            cost += TextWeight * Area(label & text);
        }

        foreach (var box in _boxes)
        {
            // Over any box a label hides ink, its own box's included (a label pushed down into the picture
            // covers the top of its digit). A box holding this one (a number around its digits) is crossed
            // by every spot near a digit, so it does not count.
            if (box == own || !box.Contains(own))
            {
                cost += Area(label & box);
            }
        }

        return cost;
    }

    private static long Area(Rect overlap) => overlap.Width <= 0 || overlap.Height <= 0
        ? 0
        : (long)overlap.Width * overlap.Height;
}
