using OpenCvSharp;

namespace LiveDigits.Pipeline.Segmentation;

/// <summary>
/// Turns a grey frame of paper into an ink mask that ignores uneven light, shadows and faint printed rules.
/// </summary>
/// <remarks>
/// The paper's brightness is estimated on a small copy of the frame (a grey dilation wide enough to
/// swallow any pen stroke, then a box blur), and the frame is divided by it, so a shadowed corner and a
/// lit one both read 1.0 where the paper is bare. Ink is then what is darker than a fixed share of the
/// paper: a ratio does not change with exposure, unlike a grey level. Printed grid lines are faint
/// (about 0.85 of the paper) and ruled lines coloured, while pen and pencil cores are darker in every
/// channel, so a hysteresis keeps strokes (seeds darker than <see cref="SeedRatio"/>, grown into paler
/// pixels next to them) and drops the lines without finding them. A stroke paler than the seed ratio
/// everywhere (very light pencil) is lost; a dark grey printed rule is kept as ink and the segmenter's
/// shape checks must drop it.
/// </remarks>
internal static class InkBinariser
{
    /// <summary>The share of the paper's brightness under which a pixel certainly is ink.</summary>
    public const double SeedRatio = 0.78;

    /// <summary>The share under which a pixel next to certain ink is ink too (a stroke's soft edge).</summary>
    public const double EdgeRatio = 0.84;

    /// <summary>
    /// The share under which a pixel may be pale ink (light pencil, a blurred stroke); at least
    /// <see cref="EdgeRatio"/>, so the pale mask holds all the ink of the strict one.
    /// </summary>
    public const double PaleRatio = 0.91;

    /// <summary>
    /// Added to the share of the paper a pixel keeps in a colour frame's darkest channel before that channel
    /// can make it ink. A red or green ballpoint keeps under a third of the paper in its darkest channel but
    /// most of it in its brightest, so the brightest-channel test alone reads a page in red pen as blank.
    /// Printed rules are pale: they keep more than half the paper in every channel, and the offset puts them
    /// above <see cref="EdgeRatio"/>. The offset is the smallest that does, because a stroke's soft edge,
    /// part pen and part paper, counts as ink through this channel only where it is mostly pen.
    /// </summary>
    public const double SaturatedInkOffset = 0.33;

    // The background is estimated at about this width: fine enough to follow a shadow's edge, coarse
    // enough that the dilation below spans a marker stroke (about width / 25 in the frame).
    private const int BackgroundWidth = 320;
    private const int BackgroundKernel = 13;

    /// <summary>Binarises a frame; dark ink on light paper unless the frame is mostly dark.</summary>
    /// <param name="grey">An 8-bit grey frame; inverted in place when it is light ink on a dark ground.</param>
    /// <param name="brightest">
    /// The brightest of a colour frame's channels, or null. A pixel counts as dark only when it is dark
    /// in both images: a pale blue or red printed rule is bright in its own colour's channel and drops
    /// out, while black or blue pen and pencil are dark in every channel or nearly so.
    /// </param>
    /// <param name="darkest">
    /// The darkest of a colour frame's channels, or null (given with <paramref name="brightest"/>). A pixel far
    /// darker than the paper in it is ink even when its brightest channel is bright: strongly coloured pen
    /// (red, green), which the brightest-channel test takes for a printed rule. See
    /// <see cref="SaturatedInkOffset"/>.
    /// </param>
    /// <param name="pale">
    /// When given, receives every pixel darker than <see cref="PaleRatio"/> of the paper, with no hysteresis:
    /// where a faint digit lies whole, while the ink mask holds only its darkest fragments.
    /// </param>
    /// <param name="paper">
    /// When given, receives the flattened frame the masks were cut from (255 is bare paper): where a refused
    /// candidate can be binarised again at its own level.
    /// </param>
    /// <returns>The ink mask, 255 for ink, owned by the caller.</returns>
    public static Mat Binarise(
        Mat grey, Mat? brightest = null, Mat? darkest = null, Mat? pale = null, Mat? paper = null)
    {
        var inverted = Cv2.Mean(grey).Val0 < 110;
        if (inverted)
        {
            Cv2.BitwiseNot(grey, grey);
        }

        using var flat = Flatten(grey);
        if (brightest is not null && !inverted)
        {
            using var flatBrightest = Flatten(brightest);
            Cv2.Max(flat, flatBrightest, flat);
        }

        if (pale is not null)
        {
            Cv2.Threshold(flat, pale, PaleRatio * 255, 255, ThresholdTypes.BinaryInv);
        }

        if (darkest is not null && !inverted)
        {
            using var flatDarkest = Flatten(darkest);
            Cv2.Add(flatDarkest, Scalar.All(SaturatedInkOffset * 255), flatDarkest);
            Cv2.Min(flat, flatDarkest, flat);
        }

        if (paper is not null)
        {
            flat.CopyTo(paper);
        }

        using var seeds = new Mat();
        Cv2.Threshold(flat, seeds, SeedRatio * 255, 255, ThresholdTypes.BinaryInv);
        var mask = new Mat();
        Cv2.Threshold(flat, mask, EdgeRatio * 255, 255, ThresholdTypes.BinaryInv);

        // One-step hysteresis: a pale pixel is ink only right beside a dark one, so a faint rule never
        // grows along its length from a digit it touches, and strokes stay thin (a fattened small digit
        // reads as a blob to the network).
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(3, 3));
        using var near = new Mat();
        Cv2.Dilate(seeds, near, kernel);
        Cv2.BitwiseAnd(mask, near, mask);

        // The pale mask is cut before the darkest channel is consulted, so that a strongly coloured printed
        // rule never joins it; coloured pen reaches it through the ink mask, which it must hold.
        if (pale is not null)
        {
            Cv2.BitwiseOr(pale, mask, pale);
        }

        return mask;
    }

    /// <summary>Divides a grey frame by its estimated paper brightness.</summary>
    /// <param name="grey">The 8-bit grey frame, dark ink on light paper.</param>
    /// <returns>The flattened frame: 255 is bare paper; owned by the caller.</returns>
    public static Mat Flatten(Mat grey)
    {
        var factor = Math.Max(1, grey.Cols / BackgroundWidth);
        using var small = new Mat();
        Cv2.Resize(grey, small, new Size(grey.Cols / factor, grey.Rows / factor), 0, 0, InterpolationFlags.Area);
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(BackgroundKernel, BackgroundKernel));
        Cv2.Dilate(small, small, kernel);
        Cv2.Blur(small, small, new Size(BackgroundKernel, BackgroundKernel));

        using var background = new Mat();
        Cv2.Resize(small, background, grey.Size(), 0, 0, InterpolationFlags.Linear);
        var flat = new Mat();
        Cv2.Divide(grey, background, flat, 255.0);
        return flat;
    }
}
