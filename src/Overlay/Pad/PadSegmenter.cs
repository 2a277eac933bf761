using OpenCvSharp;

namespace LiveDigits.Overlay.Pad;

/// <summary>
/// Splits a pad canvas into digits: pieces of ink whose columns overlap belong to one digit (the two
/// strokes of a 4, the flag of a 5, the bar of a 7), and digits side by side are ordered left to right.
/// </summary>
/// <remarks>
/// The camera's segmenter is not used here on purpose: it thresholds adaptively for uneven paper (which
/// hollows a 40-pixel pen stroke), drops regions touching the border or taller than 60% of the frame
/// (a digit filling the pad), and reads every connected piece alone. A pad canvas is already a clean
/// mask, so connected pieces plus column overlap are exact. A digit written with a gap between two
/// strokes that do not overlap in columns (a 4 whose upright stands wholly right of its bent stroke)
/// splits in two; writing the strokes so they share columns, as nearly everyone does, avoids it.
/// </remarks>
internal static class PadSegmenter
{
    // Two pieces join when their column ranges overlap by this share of the narrower piece: enough to
    // join the bar of a 7 or the flag of a 5, not two digits whose serifs just touch in columns.
    private const double JoinOverlap = 0.3;

    /// <summary>Finds the digits on a canvas.</summary>
    /// <param name="canvas">The 8-bit canvas, white ink on black.</param>
    /// <returns>One ink mask per digit, left to right, each with its box on the canvas; the caller owns them.</returns>
    public static List<(Rect Box, Mat Ink)> Segment(Mat canvas)
    {
        using var binary = new Mat();
        Cv2.Threshold(canvas, binary, 0, 255, ThresholdTypes.Binary);
        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        var count = Cv2.ConnectedComponentsWithStats(binary, labels, stats, centroids, PixelConnectivity.Connectivity8);

        var groups = new List<(Rect Box, List<int> Labels)>();
        for (var label = 1; label < count; label++)
        {
            var box = new Rect(stats.At<int>(label, 0), stats.At<int>(label, 1), stats.At<int>(label, 2),
                stats.At<int>(label, 3));
            groups.Add((box, [label]));
        }

        JoinOverlapping(groups);
        groups.Sort((a, b) => a.Box.X.CompareTo(b.Box.X));
        return groups.Select(g => (g.Box, Mask(canvas, labels, g.Box, g.Labels))).ToList();
    }

    private static void JoinOverlapping(List<(Rect Box, List<int> Labels)> groups)
    {
        for (var joined = true; joined;)
        {
            joined = false;
            for (var i = 0; i < groups.Count && !joined; i++)
            {
                for (var j = i + 1; j < groups.Count && !joined; j++)
                {
                    if (ShareColumns(groups[i].Box, groups[j].Box))
                    {
                        groups[i] = (groups[i].Box | groups[j].Box, [.. groups[i].Labels, .. groups[j].Labels]);
                        groups.RemoveAt(j);
                        joined = true;
                    }
                }
            }
        }
    }

    private static bool ShareColumns(Rect a, Rect b)
    {
        var overlap = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
        return overlap > JoinOverlap * Math.Min(a.Width, b.Width);
    }

    private static Mat Mask(Mat canvas, Mat labels, Rect box, List<int> members)
    {
        // Keeps only this digit's pieces (with their antialiased grey edges): a neighbour's stroke that
        // reaches into the box must not be read as part of it.
        using var region = new Mat(labels, box);
        using var source = new Mat(canvas, box);
        using var member = new Mat();
        var ink = new Mat(box.Size, MatType.CV_8UC1, Scalar.Black);
        foreach (var label in members)
        {
            Cv2.Compare(region, label, member, CmpTypes.EQ);
            source.CopyTo(ink, member);
        }

        return ink;
    }
}
