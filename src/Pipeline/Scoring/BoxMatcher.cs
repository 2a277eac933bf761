using OpenCvSharp;

namespace LiveDigits.Pipeline.Scoring;

/// <summary>
/// Pairs predicted boxes with true boxes: a pair may match when each box's centre lies inside the other
/// box; each box is used at most once, closest centres first.
/// </summary>
public static class BoxMatcher
{
    /// <summary>Whether each box's centre lies inside the other (edges included).</summary>
    /// <param name="a">One box.</param>
    /// <param name="b">The other box.</param>
    /// <returns>True when the boxes match.</returns>
    public static bool Match(Rect a, Rect b) => Contains(a, Centre(b)) && Contains(b, Centre(a));

    /// <summary>
    /// Matches greedily by centre distance. Ties are broken by the true box's index, then the predicted
    /// box's, so the result never depends on anything but the inputs' order.
    /// </summary>
    /// <param name="truth">The true boxes.</param>
    /// <param name="predicted">The predicted boxes.</param>
    /// <returns>For each true box, the index of its predicted box, or -1.</returns>
    public static int[] Pair(IReadOnlyList<Rect> truth, IReadOnlyList<Rect> predicted)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        var pairs = new List<(double Distance, int Truth, int Predicted)>();
        for (var t = 0; t < truth.Count; t++)
        {
            for (var p = 0; p < predicted.Count; p++)
            {
                if (Match(truth[t], predicted[p]))
                {
                    var (tx, ty) = Centre(truth[t]);
                    var (px, py) = Centre(predicted[p]);
                    pairs.Add((((tx - px) * (tx - px)) + ((ty - py) * (ty - py)), t, p));
                }
            }
        }

        pairs.Sort();
        var ofTruth = Enumerable.Repeat(-1, truth.Count).ToArray();
        var taken = new bool[predicted.Count];
        foreach (var (_, t, p) in pairs)
        {
            if (ofTruth[t] < 0 && !taken[p])
            {
                ofTruth[t] = p;
                taken[p] = true;
            }
        }

        return ofTruth;
    }

    private static (double X, double Y) Centre(Rect box) => (box.X + (box.Width / 2.0), box.Y + (box.Height / 2.0));

    private static bool Contains(Rect box, (double X, double Y) point) =>
        point.X >= box.Left && point.X <= box.Right && point.Y >= box.Top && point.Y <= box.Bottom;
}
