using OpenCvSharp;

namespace LiveDigits.Pipeline.Segmentation;

/// <summary>Finds the regions of a camera frame that may hold one handwritten digit each.</summary>
public sealed class DigitSegmenter
{
    // A piece of ink smaller than this is sensor noise or paper grain, too small to be part of any digit.
    private const int MinPieceArea = 4;

    /// <summary>Gets the smallest digit height looked for, in pixels.</summary>
    public int MinDigitHeight { get; init; } = 8;

    /// <summary>Gets the most merge hypotheses made per frame (pieces of ink that may be one digit).</summary>
    public int MaxMerges { get; init; } = 32;

    /// <summary>Gets the most pale-ink hypotheses made per frame (a faint digit seen whole).</summary>
    public int MaxPaleHypotheses { get; init; } = 24;

    /// <summary>
    /// Gets the most candidates given ink per frame, the tallest; the others are listed by box only in
    /// <see cref="FrameSegmentation.Dropped"/>. No cap by default.
    /// </summary>
    /// <remarks>
    /// A reader that classifies at most so many candidates passes its cap here: on a frame of texture the ink
    /// of the candidates it would drop (2,000 of them on 720p noise) cost more than finding them.
    /// </remarks>
    public int MaxCandidates { get; init; } = int.MaxValue;

    /// <summary>Segments one frame.</summary>
    /// <param name="bgrFrame">An 8-bit BGR (or grey) frame; only read.</param>
    /// <returns>The binary image and the candidates, owned by the caller.</returns>
    public FrameSegmentation Segment(Mat bgrFrame)
    {
        ArgumentNullException.ThrowIfNull(bgrFrame);
        if (bgrFrame.Empty())
        {
            throw new ArgumentException("The frame is empty.", nameof(bgrFrame));
        }

        // A frame smaller than one digit holds none; the background estimate and the line search would
        // otherwise be asked to scale it to nothing (a 1x1 image made OpenCV throw).
        if (bgrFrame.Rows < MinDigitHeight || bgrFrame.Cols < MinDigitHeight)
        {
            return new FrameSegmentation(new Mat(bgrFrame.Size(), MatType.CV_8UC1, Scalar.All(0)), []);
        }

        using var grey = ToGrey(bgrFrame);
        var (brightest, darkest) = bgrFrame.Channels() == 1 ? (null, null) : ChannelExtremes(bgrFrame);
        using var brightestOwner = brightest;
        using var darkestOwner = darkest;
        using var pale = new Mat();
        var paper = new Mat();
        Mat? binary = null;
        try
        {
            binary = InkBinariser.Binarise(grey, brightest, darkest, pale, paper);
            return FindCandidates(binary, pale, paper);
        }
        catch
        {
            binary?.Dispose();
            paper.Dispose();
            throw;
        }
    }

    private static Mat ToGrey(Mat frame)
    {
        var grey = new Mat();
        if (frame.Channels() == 1)
        {
            frame.CopyTo(grey);
        }
        else
        {
            var code = frame.Channels() == 4 ? ColorConversionCodes.BGRA2GRAY : ColorConversionCodes.BGR2GRAY;
            Cv2.CvtColor(frame, grey, code);
        }

        return grey;
    }

    /// <summary>The brightest and the darkest of a colour frame's three colour channels, owned by the caller.</summary>
    private static (Mat Brightest, Mat Darkest) ChannelExtremes(Mat frame)
    {
        Cv2.Split(frame, out var planes);
        try
        {
            var brightest = new Mat();
            Cv2.Max(planes[0], planes[1], brightest);
            Cv2.Max(brightest, planes[2], brightest);
            var darkest = new Mat();
            Cv2.Min(planes[0], planes[1], darkest);
            Cv2.Min(darkest, planes[2], darkest);
            return (brightest, darkest);
        }
        finally
        {
            foreach (var plane in planes)
            {
                plane.Dispose();
            }
        }
    }

    private FrameSegmentation FindCandidates(Mat binary, Mat pale, Mat paper)
    {
        using var labels = new Mat();
        var (boxes, areas, firsts) = InkComponents.Label(binary, labels);

        var minHeight = Math.Max(MinDigitHeight, binary.Rows / 60);
        var maxHeight = binary.Rows * 0.6;
        var pieces = Pieces(labels, boxes, areas, minHeight, maxHeight);
        var found = pieces.Where(p => p.Candidate >= 0).ToList();
        var kept = CandidateCap.Kept([.. found.Select(p => p.Box)], MaxCandidates);
        var candidates = found
            .Where(p => kept[p.Candidate])
            .Select(p => new DigitCandidate(p.Box, InkOf(labels, p.Box, [p.Label])))
            .ToList();
        var dropped = found.Where(p => !kept[p.Candidate]).Select(p => p.Box).ToList();

        // Merges name candidates by their index among all found; a merge replacing a dropped candidate is
        // left out, as the reader would leave it, and the others are renumbered among the kept.
        var renumbered = Renumbering(kept);
        var merges = new List<CandidateMerge>();
        foreach (var group in InkPiece.MergeGroups(pieces, minHeight, maxHeight, MaxMerges))
        {
            var replaces = group.Where(p => p.Candidate >= 0).Select(p => p.Candidate).ToList();
            if (replaces.All(r => kept[r]))
            {
                var box = group.Select(p => p.Box).Aggregate((a, b) => a | b);
                var ink = InkOf(labels, box, [.. group.Select(p => p.Label)]);
                merges.Add(new CandidateMerge(new DigitCandidate(box, ink), [.. replaces.Select(r => renumbered[r])]));
            }
        }

        foreach (var whole in PaleInk.Hypotheses(pale, binary, pieces, firsts, minHeight, maxHeight, MaxPaleHypotheses))
        {
            if (whole.Replaces.All(r => kept[r]))
            {
                merges.Add(new CandidateMerge(whole.Candidate, [.. whole.Replaces.Select(r => renumbered[r])]));
            }
            else
            {
                whole.Dispose();
            }
        }

        return new FrameSegmentation(binary, candidates, merges, paper)
        {
            Fragments = [.. pieces.Where(p => p.Candidate < 0).Select(p => p.Box)],
            Dropped = dropped,
        };
    }

    /// <summary>The frame's pieces of ink that may be a digit or part of one, numbering the candidates.</summary>
    private static List<InkPiece> Pieces(Mat labels, Rect[] boxes, int[] areas, int minHeight, double maxHeight)
    {
        // The frame's size is read once: a Mat's Rows and Cols are calls into OpenCV, and texture has 30,000 pieces.
        var frame = labels.Size();
        var pieces = new List<InkPiece>();
        var candidates = 0;
        for (var label = 1; label < boxes.Length; label++)
        {
            var box = boxes[label];
            // A piece cut by the frame's edge stays: a digit half out of view is still often read right
            // (grid clips: F1 0.945 -> 0.971), and the network refuses what it cannot read. What lies along
            // the edge does not: the desk or the page's shadow in a photograph reads as a row of 1s.
            if (box.Height > maxHeight
                || areas[label] < MinPieceArea
                || LiesAlongTheEdge(labels, frame, label, box))
            {
                continue;
            }

            var isCandidate = box.Height >= minHeight && box.Width <= box.Height * 3;
            pieces.Add(new InkPiece(label, box, isCandidate ? candidates++ : -1));
        }

        return pieces;
    }

    /// <summary>Each candidate's index among the kept ones, by its index among all found (-1 when dropped).</summary>
    private static int[] Renumbering(bool[] kept)
    {
        var renumbered = new int[kept.Length];
        var next = 0;
        for (var i = 0; i < kept.Length; i++)
        {
            renumbered[i] = kept[i] ? next++ : -1;
        }

        return renumbered;
    }

    /// <summary>
    /// Whether a piece meets the frame's edge along at least half its own height: a strip of desk or shadow.
    /// A digit cut by the edge meets it only where its strokes cross it.
    /// </summary>
    private static bool LiesAlongTheEdge(Mat labels, Size frame, int label, Rect box)
    {
        var least = Math.Max(2, box.Height / 2);
        int right = frame.Width - 1, bottom = frame.Height - 1;
        return (box.X == 0 && Contact(labels, label, new Rect(0, box.Y, 1, box.Height)) >= least)
            || (box.Right > right && Contact(labels, label, new Rect(right, box.Y, 1, box.Height)) >= least)
            || (box.Y == 0 && Contact(labels, label, new Rect(box.X, 0, box.Width, 1)) >= least)
            || (box.Bottom > bottom && Contact(labels, label, new Rect(box.X, bottom, box.Width, 1)) >= least);
    }

    private static int Contact(Mat labels, int label, Rect line)
    {
        using var edge = new Mat(labels, line);
        using var own = new Mat();
        Cv2.Compare(edge, label, own, CmpTypes.EQ);
        return Cv2.CountNonZero(own);
    }

    private static Mat InkOf(Mat labels, Rect box, int[] pieceLabels)
    {
        using var region = new Mat(labels, box);
        var ink = new Mat();
        Cv2.Compare(region, pieceLabels[0], ink, CmpTypes.EQ);
        using var piece = new Mat();
        for (var i = 1; i < pieceLabels.Length; i++)
        {
            Cv2.Compare(region, pieceLabels[i], piece, CmpTypes.EQ);
            Cv2.BitwiseOr(ink, piece, ink);
        }

        return ink;
    }
}
