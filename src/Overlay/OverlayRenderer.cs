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
        var statusText = status is null ? null : StatusText(status, readings, canvas.Width, style);
        var labelled = LayOut(canvas.Size(), readings, statusText, style);

        // Every box before any label, so no box's line runs through a label.
        foreach (var (box, _) in labelled)
        {
            Cv2.Rectangle(canvas, box.Box, box.Colour, style.Line);
        }

        foreach (var (box, label) in labelled)
        {
            DrawLabel(canvas, label, box.Colour, style);
        }

        if (statusText is not null)
        {
            DrawStatus(canvas, statusText, style);
        }
    }

    /// <summary>
    /// Where the labels go on a picture of <paramref name="size"/>: each number's under its box and each
    /// digit's over its box where that spot is free, else near it (see <see cref="LabelLayout"/>), never
    /// under the status band, over another label or out of the picture where any free spot is left.
    /// </summary>
    /// <param name="size">The picture's size.</param>
    /// <param name="readings">The readings, with boxes in the picture's pixels.</param>
    /// <param name="status">The status line's figures; null when none is drawn.</param>
    /// <returns>The status band (empty when none) and the label rectangles, numbers first, then digits.</returns>
    internal static (Rect StatusBand, IReadOnlyList<Rect> Labels) LabelPlaces(
        Size size, FrameReadings readings, OverlayStatus? status)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var style = Style.For(size);
        var statusText = status is null ? null : StatusText(status, readings, size.Width, style);
        var band = statusText is null ? default : StatusBand(statusText, size, style);
        IReadOnlyList<Rect> labels = [.. LayOut(size, readings, statusText, style).Select(p => p.Label.Place)];
        return (band, labels);
    }

    /// <summary>The status line's text on a picture of <paramref name="size"/>.</summary>
    internal static string StatusText(OverlayStatus status, FrameReadings readings, Size size) =>
        StatusText(status, readings, size.Width, Style.For(size));

    // Whole percent without the sign, never 100: labels stay as narrow as a digit and claim no certainty.
    private static int Percent(double probability) => Math.Clamp((int)Math.Floor(probability * 100), 0, 99);

    private static List<(DrawnBox Box, PlacedLabel Label)> LayOut(
        Size size, FrameReadings readings, string? statusText, Style style)
    {
        var pad = style.Line * 3;
        var digits = readings.Digits.Select(d => new DrawnBox(d.Box, s_digitColour,
            [string.Create(CultureInfo.InvariantCulture, $"{d.Digit} {Percent(d.Confidence)}"),
                d.Digit.ToString(CultureInfo.InvariantCulture)],
            Below: false));
        var numbers = readings.Numbers.Select(n => new DrawnBox(
            new Rect(n.Box.X - pad, n.Box.Y - pad, n.Box.Width + (2 * pad), n.Box.Height + (2 * pad)),
            s_numberColour, [n.Value], Below: true));
        // Numbers first: a number is what the page says, and its one long label has fewer places to go
        // than a digit's, which can also shrink to the digit alone.
        List<DrawnBox> boxes = [.. numbers, .. digits];

        var layout = new LabelLayout(size, boxes.Select(b => b.Box));
        if (statusText is not null)
        {
            layout.Keep(StatusBand(statusText, size, style));
        }

        return [.. boxes.Select(b => (b, PlaceLabel(layout, b, style)))];
    }

    private static PlacedLabel PlaceLabel(LabelLayout layout, DrawnBox box, Style style)
    {
        var texts = box.Labels.Select(label => Measure(label, style)).ToList();
        var (chosen, place) = layout.Place(box.Box, [.. texts.Select(t => t.Background)], box.Below);
        return new PlacedLabel(box.Labels[chosen], place, texts[chosen].TextHeight);
    }

    private static (Size Background, int TextHeight) Measure(string label, Style style)
    {
        var text = Cv2.GetTextSize(label, Font, style.FontScale, style.Thickness, out var baseline);
        return (new Size(text.Width + style.Margin, text.Height + baseline + style.Margin), text.Height);
    }

    private static void DrawLabel(Mat canvas, PlacedLabel label, Scalar colour, Style style)
    {
        Cv2.Rectangle(canvas, label.Place, colour, -1);
        var origin = new Point(
            label.Place.X + (style.Margin / 2), label.Place.Y + label.TextHeight + (style.Margin / 2));
        Cv2.PutText(canvas, label.Text, origin, Font, style.FontScale, s_labelText, style.Thickness,
            LineTypes.AntiAlias);
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

    /// <summary>A box and its label's forms, preferred first: a digit with its probability, then bare.</summary>
    private readonly record struct DrawnBox(Rect Box, Scalar Colour, IReadOnlyList<string> Labels, bool Below);

    private readonly record struct PlacedLabel(string Text, Rect Place, int TextHeight);

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
