using System.Globalization;
using LiveDigits.Pipeline.Readings;
using OpenCvSharp;

namespace LiveDigits.Overlay;

/// <summary>
/// Draws the readings on a frame: a box per digit labelled with the digit and its probability, a box per
/// number labelled with its value, and a status line. Sizes follow the frame, so labels stay legible from
/// a phone-sized clip to a full-HD camera.
/// </summary>
public static class OverlayRenderer
{
    private static readonly Scalar s_digitColour = new(60, 200, 40);
    private static readonly Scalar s_numberColour = new(0, 140, 255);
    private static readonly Scalar s_labelText = Scalar.White;
    private static readonly Scalar s_statusBand = new(30, 30, 30);
    private const HersheyFonts Font = HersheyFonts.HersheySimplex;

    // A name cut to fit the status line keeps at least this many characters, the extension and a few more.
    private const int ShortestName = 10;

    /// <summary>Draws the overlay on a copy of <paramref name="frame"/>.</summary>
    /// <param name="frame">The frame, 8-bit BGR; not changed.</param>
    /// <param name="readings">The readings, with boxes in the frame's pixels.</param>
    /// <param name="status">The status line's figures; null draws none.</param>
    /// <returns>The annotated picture, owned by the caller.</returns>
    public static Mat Render(Mat frame, FrameReadings readings, OverlayStatus? status)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var canvas = frame.Clone();
        Draw(canvas, readings, status);
        return canvas;
    }

    /// <summary>Draws the overlay onto <paramref name="canvas"/> in place.</summary>
    /// <param name="canvas">An 8-bit BGR picture.</param>
    /// <param name="readings">The readings, with boxes in the canvas's pixels.</param>
    /// <param name="status">The status line's figures; null draws none.</param>
    public static void Draw(Mat canvas, FrameReadings readings, OverlayStatus? status)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(readings);
        var style = Style.For(canvas.Size());
        foreach (var number in readings.Numbers)
        {
            DrawNumber(canvas, number, style);
        }

        foreach (var digit in readings.Digits)
        {
            var box = digit.Box;
            Cv2.Rectangle(canvas, box, s_digitColour, style.Line);
            var label = string.Create(CultureInfo.InvariantCulture, $"{digit.Digit} {Percent(digit.Confidence)}");
            Label(canvas, label, new Point(box.X, box.Y), above: true, s_digitColour, style);
        }

        if (status is not null)
        {
            DrawStatus(canvas, StatusText(status, readings, canvas.Width, style), style);
        }
    }

    /// <summary>The status line's text on a picture of <paramref name="size"/>.</summary>
    internal static string StatusText(OverlayStatus status, FrameReadings readings, Size size) =>
        StatusText(status, readings, size.Width, Style.For(size));

    // Whole percent without the sign, never 100: labels stay as narrow as a digit and claim no certainty.
    private static int Percent(double probability) => Math.Clamp((int)Math.Floor(probability * 100), 0, 99);

    private static void DrawNumber(Mat canvas, NumberReading number, Style style)
    {
        var pad = style.Line * 3;
        var box = new Rect(number.Box.X - pad, number.Box.Y - pad, number.Box.Width + (2 * pad),
            number.Box.Height + (2 * pad));
        Cv2.Rectangle(canvas, box, s_numberColour, style.Line);
        Label(canvas, number.Value, new Point(box.X, box.Bottom), above: false, s_numberColour, style);
    }

    private static string StatusText(OverlayStatus status, FrameReadings readings, int width, Style style)
    {
        var paused = status.Paused ? "  PAUSED" : "";
        if (status.Image is not { } image)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"{status.Fps:0.0} fps  latency {status.Latency.TotalMilliseconds:0} ms  " +
                $"candidates {status.Candidates}  dropped {status.Dropped}{paused}");
        }

        // A still image has no rate or latency to speak of: its name, where it is in the run, what was read.
        // On a narrow picture the name gives way from its start (its end tells the files of a folder apart),
        // then the candidates and the position go.
        var culture = CultureInfo.InvariantCulture;
        var position = image.Count > 1 ? string.Create(culture, $"  {image.Position} of {image.Count}") : "";
        var read = string.Create(culture, $"  digits {readings.Digits.Count}  numbers {readings.Numbers.Count}");
        var candidates = string.Create(culture, $"  candidates {status.Candidates}");
        string[] figures = [position + read + candidates + paused, position + read + paused, read + paused];
        var text = image.Name + figures[0];
        foreach (var tail in figures)
        {
            for (var cut = 0; cut <= Math.Max(0, image.Name.Length - ShortestName); cut++)
            {
                text = (cut == 0 ? image.Name : "..." + image.Name[cut..]) + tail;
                if (TextWidth(text, style) <= width)
                {
                    return text;
                }
            }
        }

        return text;
    }

    private static int TextWidth(string text, Style style) =>
        Cv2.GetTextSize(text, Font, style.FontScale, style.Thickness, out _).Width + (2 * style.Margin);

    private static Rect StatusBand(string text, Size canvas, Style style)
    {
        var size = Cv2.GetTextSize(text, Font, style.FontScale, style.Thickness, out var baseline);
        return new Rect(0, 0, Math.Min(canvas.Width, size.Width + (2 * style.Margin)),
            Math.Min(canvas.Height, size.Height + baseline + (2 * style.Margin)));
    }

    private static void DrawStatus(Mat canvas, string text, Style style)
    {
        var size = Cv2.GetTextSize(text, Font, style.FontScale, style.Thickness, out _);
        Cv2.Rectangle(canvas, StatusBand(text, canvas.Size(), style), s_statusBand, -1);
        Cv2.PutText(canvas, text, new Point(style.Margin, style.Margin + size.Height), Font, style.FontScale,
            s_labelText, style.Thickness, LineTypes.AntiAlias);
    }

    private static void Label(Mat canvas, string text, Point corner, bool above, Scalar colour, Style style)
    {
        var size = Cv2.GetTextSize(text, Font, style.FontScale, style.Thickness, out var baseline);
        var height = size.Height + baseline + style.Margin;
        var top = above ? corner.Y - height : corner.Y;

        // A label that would leave the picture is moved inside it, onto the box's other side.
        if (top < 0 || top + height > canvas.Height)
        {
            top = above ? corner.Y : corner.Y - height;
        }

        var left = Math.Clamp(corner.X, 0, Math.Max(0, canvas.Width - size.Width - style.Margin));
        var background = new Rect(left, top, size.Width + style.Margin, height);
        Cv2.Rectangle(canvas, background, colour, -1);
        Cv2.PutText(canvas, text, new Point(left + (style.Margin / 2), top + size.Height + (style.Margin / 2)),
            Font, style.FontScale, s_labelText, style.Thickness, LineTypes.AntiAlias);
    }

    private readonly record struct Style(double FontScale, int Thickness, int Line, int Margin)
    {
        // Proportions chosen on 480p and 1080p frames: labels about 2.5% of the frame's height.
        public static Style For(Size size)
        {
            var unit = Math.Max(size.Height, 240) / 480.0;
            return new Style(
                0.5 * unit,
                Math.Max(1, (int)Math.Round(unit)),
                Math.Max(1, (int)Math.Round(2 * unit)),
                Math.Max(2, (int)Math.Round(4 * unit)));
        }
    }
}
