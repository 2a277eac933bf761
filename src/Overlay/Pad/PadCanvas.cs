using OpenCvSharp;

namespace LiveDigits.Overlay.Pad;

/// <summary>
/// The drawing pad's surface: a square 8-bit image, white ink on black, and the strokes drawn on it.
/// </summary>
/// <remarks>
/// Not thread-safe: the pad's UI thread owns it and hands copies (<see cref="Snapshot"/>) to the
/// reading worker, so the worker never sees a half-drawn segment.
/// </remarks>
public sealed class PadCanvas : IDisposable
{
    /// <summary>The side of the canvas in pixels, as in the original pad.</summary>
    public const int DefaultSide = 400;

    /// <summary>The default stroke width in pixels: thick, like a felt pen on the original pad.</summary>
    public const int DefaultStrokeWidth = 40;

    private readonly Mat _image;
    private readonly List<List<Point>> _strokes = [];
    private bool _disposed;

    /// <summary>Creates an empty canvas.</summary>
    /// <param name="strokeWidth">The width of every stroke in pixels, 1 or more.</param>
    /// <param name="side">The side of the square canvas in pixels.</param>
    public PadCanvas(int strokeWidth = DefaultStrokeWidth, int side = DefaultSide)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(strokeWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(side, 28);
        StrokeWidth = strokeWidth;
        Side = side;
        _image = new Mat(side, side, MatType.CV_8UC1, Scalar.Black);
    }

    /// <summary>Gets the width of every stroke in pixels.</summary>
    public int StrokeWidth { get; }

    /// <summary>Gets the side of the square canvas in pixels.</summary>
    public int Side { get; }

    /// <summary>Gets the canvas image (owned by the canvas; do not dispose or keep it).</summary>
    public Mat Image
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _image;
        }
    }

    /// <summary>Gets the strokes drawn since the last clear, each as the points the pen went through.</summary>
    public IReadOnlyList<IReadOnlyList<Point>> Strokes => _strokes;

    /// <summary>Gets whether nothing has been drawn since the last clear.</summary>
    public bool IsEmpty => _strokes.Count == 0;

    /// <summary>Gets whether a stroke is in progress (the pen is down).</summary>
    public bool IsDrawing { get; private set; }

    /// <summary>Gets a counter that changes whenever the canvas changes, so a viewer can tell it is stale.</summary>
    public long Version { get; private set; }

    /// <summary>Puts the pen down: starts a stroke with a round dot at <paramref name="at"/>.</summary>
    /// <param name="at">Where the pen touches, in canvas pixels.</param>
    public void BeginStroke(Point at)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _strokes.Add([at]);
        IsDrawing = true;
        DrawSegment(at, at);
    }

    /// <summary>Moves the pen while it is down, drawing from the last point; ignored when it is up.</summary>
    /// <param name="to">The new pen position, in canvas pixels.</param>
    public void ExtendStroke(Point to)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!IsDrawing)
        {
            return;
        }

        var stroke = _strokes[^1];
        var from = stroke[^1];
        if (from == to)
        {
            return;
        }

        stroke.Add(to);
        DrawSegment(from, to);
    }

    /// <summary>Lifts the pen.</summary>
    public void EndStroke() => IsDrawing = false;

    /// <summary>Wipes the canvas and forgets every stroke.</summary>
    public void Clear()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _image.SetTo(Scalar.Black);
        _strokes.Clear();
        IsDrawing = false;
        Version++;
    }

    /// <summary>Copies the canvas image for another thread.</summary>
    /// <returns>A new image the caller owns.</returns>
    public Mat Snapshot()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _image.Clone();
    }

    /// <summary>Draws whole strokes at once, as a user would with the mouse.</summary>
    /// <param name="strokes">Each stroke as a polyline in canvas pixels.</param>
    public void Draw(IEnumerable<IReadOnlyList<Point>> strokes)
    {
        ArgumentNullException.ThrowIfNull(strokes);
        foreach (var stroke in strokes)
        {
            if (stroke.Count == 0)
            {
                continue;
            }

            BeginStroke(stroke[0]);
            for (var i = 1; i < stroke.Count; i++)
            {
                ExtendStroke(stroke[i]);
            }

            EndStroke();
        }
    }

    /// <summary>Releases the image. Safe to call more than once.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _image.Dispose();
    }

    private void DrawSegment(Point from, Point to)
    {
        // Round caps at both ends join segments without gaps or notches, however fast the mouse moved.
        Cv2.Line(_image, from, to, Scalar.White, StrokeWidth, LineTypes.AntiAlias);
        Version++;
    }
}
