using LiveDigits.Pipeline.Reader;
using OpenCvSharp;

namespace LiveDigits.Overlay;

/// <summary>
/// What the reader saw: the binarised frame with each candidate's box, and along the bottom each candidate's
/// 28x28 network input, enlarged, in reading order of the boxes.
/// </summary>
public static class DebugView
{
    private const int InputZoom = 3;
    private const int Gap = 4;
    private static readonly Scalar s_boxColour = new(255, 0, 255);

    /// <summary>Renders the debug view at <paramref name="size"/>.</summary>
    /// <param name="analysis">An analysis made with debug images; without them the view says so.</param>
    /// <param name="size">The size of the picture to make (the frame's).</param>
    /// <returns>The picture, owned by the caller.</returns>
    public static Mat Render(FrameAnalysis analysis, Size size)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var view = new Mat(size, MatType.CV_8UC3, Scalar.Black);
        if (analysis.Binary is not { } binary || binary.Empty())
        {
            Cv2.PutText(view, "no debug images (reader not in debug mode)", new Point(10, 30),
                HersheyFonts.HersheySimplex, 0.6, Scalar.White);
            return view;
        }

        using var binaryBgr = new Mat();
        Cv2.CvtColor(binary, binaryBgr, binary.Channels() == 1 ? ColorConversionCodes.GRAY2BGR
            : ColorConversionCodes.BGRA2BGR);
        Cv2.Resize(binaryBgr, view, size, interpolation: InterpolationFlags.Nearest);

        // Boxes are in frame pixels, which is the view's size.
        foreach (var (box, _) in analysis.CandidateInputs)
        {
            Cv2.Rectangle(view, box, s_boxColour, 1);
        }

        DrawInputs(view, analysis.CandidateInputs);
        return view;
    }

    private static void DrawInputs(Mat view, IReadOnlyList<(Rect Box, Mat Input)> inputs)
    {
        var cell = (28 * InputZoom) + Gap;
        var perRow = Math.Max(1, (view.Width - Gap) / cell);
        var ordered = inputs.OrderBy(c => c.Box.Y / Math.Max(1, c.Box.Height)).ThenBy(c => c.Box.X).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var x = Gap + (i % perRow * cell);
            var y = view.Height - ((1 + (i / perRow)) * cell);
            if (y < 0)
            {
                break;
            }

            using var enlarged = new Mat();
            using var input = ToByteBgr(ordered[i].Input);
            Cv2.Resize(input, enlarged, new Size(28 * InputZoom, 28 * InputZoom),
                interpolation: InterpolationFlags.Nearest);
            using var target = new Mat(view, new Rect(x, y, enlarged.Width, enlarged.Height));
            enlarged.CopyTo(target);
            Cv2.Rectangle(view, new Rect(x - 1, y - 1, enlarged.Width + 2, enlarged.Height + 2), s_boxColour, 1);
        }
    }

    private static Mat ToByteBgr(Mat input)
    {
        // Network inputs may be float 0-1 or bytes; either way the view shows them as grey pictures.
        using var bytes = new Mat();
        if (input.Depth() == MatType.CV_8U)
        {
            input.CopyTo(bytes);
        }
        else
        {
            input.ConvertTo(bytes, MatType.CV_8U, 255);
        }

        var bgr = new Mat();
        Cv2.CvtColor(bytes, bgr, bytes.Channels() == 1 ? ColorConversionCodes.GRAY2BGR : ColorConversionCodes.BGRA2BGR);
        return bgr;
    }
}
