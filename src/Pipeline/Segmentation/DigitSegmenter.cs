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
        var pieces = new List<InkPiece>();
        var candidates = new List<DigitCandidate>();
        for (var label = 1; label < boxes.Length; label++)
        {
            var box = boxes[label];
            // A piece cut by the frame's edge stays: a digit half out of view is still often read right
            // (grid clips: F1 0.945 -> 0.971), and the network refuses what it cannot read. What lies along
            // the edge does not: the desk or the page's shadow in a photograph reads as a row of 1s.
            if (box.Height > binary.Rows * 0.6
                || areas[label] < MinPieceArea
                || LiesAlongTheEdge(labels, label, box))
            {
                continue;
            }

            var isCandidate = box.Height >= minHeight && box.Width <= box.Height * 3;
            pieces.Add(new InkPiece(label, box, isCandidate ? candidates.Count : -1));
            if (isCandidate)
            {
                candidates.Add(new DigitCandidate(box, InkOf(labels, box, [label])));
            }
        }

        var merges = new List<CandidateMerge>();
        foreach (var group in InkPiece.MergeGroups(pieces, minHeight, binary.Rows * 0.6, MaxMerges))
        {
            var box = group.Select(p => p.Box).Aggregate((a, b) => a | b);
            var ink = InkOf(labels, box, [.. group.Select(p => p.Label)]);
            var replaces = group.Where(p => p.Candidate >= 0).Select(p => p.Candidate).ToList();
            merges.Add(new CandidateMerge(new DigitCandidate(box, ink), replaces));
        }

        var maxHeight = binary.Rows * 0.6;
        merges.AddRange(PaleInk.Hypotheses(pale, binary, pieces, firsts, minHeight, maxHeight, MaxPaleHypotheses));

        return new FrameSegmentation(binary, candidates, merges, paper)
        {
            Fragments = [.. pieces.Where(p => p.Candidate < 0).Select(p => p.Box)],
        };
    }

    /// <summary>
    /// Whether a piece meets the frame's edge along at least half its own height: a strip of desk or shadow.
    /// A digit cut by the edge meets it only where its strokes cross it.
    /// </summary>
    private static bool LiesAlongTheEdge(Mat labels, int label, Rect box)
    {
        var least = Math.Max(2, box.Height / 2);
        int right = labels.Cols - 1, bottom = labels.Rows - 1;
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
