using System.Globalization;
using OpenCvSharp;

namespace LiveDigits.Overlay.Pad;

/// <summary>
/// Paints the pad window: the whole canvas on the left, and a side panel with the 28x28 image the network
/// sees, the live top-3 classes with probability bars, the last printed reading and the keys.
/// </summary>
public static class PadView
{
    /// <summary>The width of the side panel in pixels.</summary>
    public const int PanelWidth = 240;

    private const int Margin = 12;
    private const HersheyFonts Font = HersheyFonts.HersheySimplex;
    private const double FontScale = 0.45;
    private static readonly Scalar s_panelBackground = new(48, 40, 36);
    private static readonly Scalar s_text = new(235, 235, 235);
    private static readonly Scalar s_dim = new(150, 150, 150);
    private static readonly Scalar s_bar = new(80, 200, 80);
    private static readonly Scalar s_notDigitBar = new(60, 90, 220);

    /// <summary>Gets the window size for a canvas of <paramref name="side"/> pixels.</summary>
    /// <param name="side">The canvas side.</param>
    /// <returns>Canvas plus panel; never shorter than the panel needs.</returns>
    public static Size WindowSize(int side) => new(side + PanelWidth, Math.Max(side, 400));

    /// <summary>Paints the window image.</summary>
    /// <param name="canvas">The 8-bit canvas.</param>
    /// <param name="live">The newest live reading, or null while there is none.</param>
    /// <param name="lastLine">The last line printed, or null.</param>
    /// <param name="fromCamera">Whether <c>p</c> goes back to the camera, so the keys list it.</param>
    /// <param name="target">
    /// The BGR image to paint into; reallocated only when its size is wrong, so one Mat serves every frame.
    /// </param>
    public static void Render(Mat canvas, PadReading? live, string? lastLine, bool fromCamera, Mat target)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(target);

        var size = WindowSize(canvas.Rows);
        target.Create(size, MatType.CV_8UC3);
        target.SetTo(s_panelBackground);
        using (var canvasArea = new Mat(target, new Rect(0, 0, canvas.Cols, canvas.Rows)))
        {
            Cv2.CvtColor(canvas, canvasArea, ColorConversionCodes.GRAY2BGR);
        }

        var left = canvas.Cols + Margin;
        var y = DrawViews(target, live, left, Margin);
        y = DrawTop(target, live, left, y + 2 * Margin);
        DrawFooter(target, lastLine, fromCamera, left, Math.Max(y + Margin, size.Height - 96));
    }

    private static int DrawViews(Mat target, PadReading? live, int left, int top)
    {
        Text(target, "the network sees", left, top + 12, s_dim);
        var frameTop = top + 20;
        var views = live?.Views ?? [];
        var count = Math.Max(1, views.Count);
        var width = PanelWidth - 2 * Margin;
        var side = Math.Min(112, (width - (count - 1) * 4) / count);
        for (var i = 0; i < count; i++)
        {
            var box = new Rect(left + i * (side + 4), frameTop, side, side);
            Cv2.Rectangle(target, box, s_dim, 1);
            if (i < views.Count)
            {
                using var view = Mat.FromPixelData(28, 28, MatType.CV_8UC1, views[i]);
                using var scaled = new Mat();
                Cv2.Resize(view, scaled, new Size(side, side), interpolation: InterpolationFlags.Nearest);
                using var area = new Mat(target, box);
                Cv2.CvtColor(scaled, area, ColorConversionCodes.GRAY2BGR);
            }
        }

        return frameTop + side;
    }

    private static int DrawTop(Mat target, PadReading? live, int left, int top)
    {
        var heading = live is null ? "draw a digit" : "now: " + live.Describe();
        var y = Paragraph(target, heading, left, top, s_text) + 6;
        var barWidth = PanelWidth - 2 * Margin - 100;
        foreach (var entry in live?.Top ?? [])
        {
            var label = entry.Class == 10 ? "none" : entry.Class.ToString(CultureInfo.InvariantCulture);
            Text(target, label, left, y + 15, s_text);
            var length = (int)Math.Round(barWidth * Math.Clamp(entry.Probability, 0f, 1f));
            var colour = entry.Class == 10 ? s_notDigitBar : s_bar;
            Cv2.Rectangle(target, new Rect(left + 44, y + 3, Math.Max(1, length), 14), colour, -1);
            Text(target, PadReading.Percent(entry.Probability), left + 50 + barWidth, y + 15, s_text);
            y += 24;
        }

        return y;
    }

    private static void DrawFooter(Mat target, string? lastLine, bool fromCamera, int left, int top)
    {
        var y = Paragraph(target, "printed: " + (lastLine ?? "-"), left, top, s_text);
        Text(target, "space: read   c: clear", left, y + 14, s_dim);
        Text(target, fromCamera ? "p: camera   q/Esc: quit" : "q/Esc: quit", left, y + 36, s_dim);
    }

    /// <summary>Writes text wrapped at word breaks to the panel's width; returns the y below it.</summary>
    private static int Paragraph(Mat target, string text, int left, int top, Scalar colour)
    {
        var width = PanelWidth - (2 * Margin);
        var line = string.Empty;
        var y = top;
        foreach (var word in text.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && Cv2.GetTextSize(candidate, Font, FontScale, 1, out _).Width > width)
            {
                Text(target, line, left, y + 12, colour);
                y += 18;
                candidate = word;
            }

            line = candidate;
        }

        Text(target, line, left, y + 12, colour);
        return y + 18;
    }

    private static void Text(Mat target, string text, int x, int baseline, Scalar colour) =>
        Cv2.PutText(target, text, new Point(x, baseline), Font, FontScale, colour, 1, LineTypes.AntiAlias);
}
