using OpenCvSharp;

namespace LiveDigits.Pipeline.Segmentation;

/// <summary>Finds the regions of a camera frame that may hold one handwritten digit each.</summary>
public sealed class DigitSegmenter
{
    /// <summary>Gets the smallest digit height looked for, in pixels.</summary>
    public int MinDigitHeight { get; init; } = 8;

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
        using var brightest = bgrFrame.Channels() == 1 ? null : BrightestChannel(bgrFrame);
        var binary = InkBinariser.Binarise(grey, brightest);
        try
        {
            return new FrameSegmentation(binary, FindCandidates(binary));
        }
        catch
        {
            binary.Dispose();
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

    private static Mat BrightestChannel(Mat frame)
    {
        Cv2.Split(frame, out var planes);
        try
        {
            var brightest = new Mat();
            Cv2.Max(planes[0], planes[1], brightest);
            Cv2.Max(brightest, planes[2], brightest);
            return brightest;
        }
        finally
        {
            foreach (var plane in planes)
            {
                plane.Dispose();
            }
        }
    }

    private List<DigitCandidate> FindCandidates(Mat binary)
    {
        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        var count = Cv2.ConnectedComponentsWithStats(binary, labels, stats, centroids, PixelConnectivity.Connectivity8);

        var minHeight = Math.Max(MinDigitHeight, binary.Rows / 60);
        var candidates = new List<DigitCandidate>();
        for (var label = 1; label < count; label++)
        {
            var box = new Rect(
                stats.At<int>(label, 0),
                stats.At<int>(label, 1),
                stats.At<int>(label, 2),
                stats.At<int>(label, 3));
            var touchesBorder = box.X == 0 || box.Y == 0 || box.Right >= binary.Cols || box.Bottom >= binary.Rows;
            if (touchesBorder || box.Height < minHeight || box.Height > binary.Rows * 0.6 || box.Width > box.Height * 3)
            {
                continue;
            }

            using var region = new Mat(labels, box);
            var ink = new Mat();
            Cv2.Compare(region, label, ink, CmpTypes.EQ);
            candidates.Add(new DigitCandidate(box, ink));
        }

        return candidates;
    }
}
