using Microsoft.Extensions.Logging;
using OpenCvSharp;

namespace LiveDigits.Overlay.Pad;

/// <summary>
/// The drawing pad window: write digits with the mouse, press space to print what they read as.
/// </summary>
/// <remarks>
/// Every HighGUI call happens on the thread that calls <see cref="Run"/>, which GTK needs; the mouse
/// callback runs on it too, inside <c>WaitKey</c>. Readings run on a <see cref="PadReadingWorker"/>, so the
/// window keeps drawing while the network works. Keys: space reads and clears, <c>c</c> clears, Esc or
/// <c>q</c> quits, <c>p</c> goes back to the camera when the pad was opened from it.
/// </remarks>
public sealed class PadMode : IDisposable
{
    /// <summary>The window title.</summary>
    public const string WindowTitle = "LiveDigits pad";

    private const int Escape = 27;
    private const int FrameMilliseconds = 15;
    private static readonly TimeSpan s_drainTimeout = TimeSpan.FromSeconds(10);

    private readonly PadCanvas _canvas;
    private readonly PadReadingWorker _worker;
    private readonly TextWriter _output;
    private readonly bool _fromCamera;
    private readonly Mat _view = new();

    // Held in a field for the window's lifetime: OpenCV keeps only a native pointer to the delegate, and a
    // collected delegate would crash the process on the next mouse event.
    private readonly MouseCallback _onMouse;
    private long _requestedVersion = -1;
    private string? _lastLine;
    private bool _windowOpen;
    private (long Version, PadReading? Live, string? LastLine)? _shown;

    private PadMode(PadReader reader, bool fromCamera, TextWriter output, ILogger logger)
    {
        _canvas = new PadCanvas(reader.StrokeWidth);
        _worker = new PadReadingWorker(reader.Read, logger);
        _output = output;
        _fromCamera = fromCamera;
        _onMouse = OnMouse;
    }

    /// <summary>Opens the pad window and runs it until the user leaves.</summary>
    /// <param name="reader">Reads the canvas, and gives the pen width; the caller keeps ownership.</param>
    /// <param name="fromCamera">Whether <c>p</c> should return to the camera.</param>
    /// <param name="output">Receives one line per reading (standard output in the app).</param>
    /// <param name="logger">Receives what happened.</param>
    /// <param name="cancellation">Ends the pad as if the user quit (Ctrl+C).</param>
    /// <returns>How the user left.</returns>
    /// <exception cref="DisplayUnavailableException">No usable display; see <see cref="DisplayCheck"/>.</exception>
    public static PadExit Run(
        PadReader reader,
        bool fromCamera,
        TextWriter output,
        ILogger logger,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(logger);

        // Checked before any HighGUI call: OpenCV aborts the process when GTK finds no display.
        DisplayCheck.EnsureAvailable("the pad");

        using var pad = new PadMode(reader, fromCamera, output, logger);
        Log.PadOpened(logger, pad._canvas.Side, reader.StrokeWidth, reader.AcceptThreshold);
        return pad.Loop(cancellation);
    }

    /// <summary>Closes the window and stops the worker.</summary>
    public void Dispose()
    {
        if (_windowOpen)
        {
            Cv2.DestroyWindow(WindowTitle);
            Cv2.WaitKey(1);
            _windowOpen = false;
        }

        _worker.Dispose();
        _canvas.Dispose();
        _view.Dispose();
    }

    private PadExit Loop(CancellationToken cancellation)
    {
        // AutoSize makes the window exactly the image's size, so GTK shows the whole canvas unscaled.
        Cv2.NamedWindow(WindowTitle, WindowFlags.AutoSize);
        _windowOpen = true;
        Cv2.SetMouseCallback(WindowTitle, _onMouse);

        while (!cancellation.IsCancellationRequested)
        {
            RequestLiveReading();
            PrintFinishedReadings();
            ShowIfChanged();

            var key = Cv2.WaitKey(FrameMilliseconds);
            if (key >= 0 && HandleKey(key) is { } exit)
            {
                Finish();
                return exit;
            }

            // GTK answers -1 for the Visible property whatever the state; AutoSize turns -1 only once the
            // user has closed the window.
            if (Cv2.GetWindowProperty(WindowTitle, WindowPropertyFlags.AutoSize) < 0)
            {
                Finish();
                return PadExit.Quit;
            }
        }

        Finish();
        return PadExit.Quit;
    }

    /// <summary>Repaints only when something shown changed: an idle pad costs no CPU on a shared laptop.</summary>
    private void ShowIfChanged()
    {
        var shown = (_canvas.Version, _worker.Live, _lastLine);
        if (shown == _shown)
        {
            return;
        }

        _shown = shown;
        PadView.Render(_canvas.Image, shown.Live, _lastLine, _fromCamera, _view);
        Cv2.ImShow(WindowTitle, _view);
    }

    private PadExit? HandleKey(int key)
    {
        switch (char.ToLowerInvariant((char)(key & 0xFF)))
        {
            case ' ':
                _worker.RequestFinal(_canvas.Snapshot());
                ClearCanvas();
                return null;
            case 'c':
                ClearCanvas();
                return null;
            case 'q':
            case (char)Escape:
                return PadExit.Quit;
            case 'p' when _fromCamera:
                return PadExit.BackToCamera;
            default:
                return null;
        }
    }

    private void ClearCanvas()
    {
        _canvas.Clear();
        _worker.ResetLive();
        _requestedVersion = _canvas.Version;
    }

    private void RequestLiveReading()
    {
        if (_canvas.Version == _requestedVersion || _canvas.IsEmpty)
        {
            return;
        }

        _requestedVersion = _canvas.Version;
        _worker.RequestLive(_canvas.Snapshot());
    }

    private void PrintFinishedReadings()
    {
        while (_worker.TryTakeFinal(out var reading))
        {
            _lastLine = reading.Describe();
            _output.WriteLine(_lastLine);
            _output.Flush();
        }
    }

    /// <summary>Prints the readings asked for before leaving, so a space pressed just before q is not lost.</summary>
    private void Finish()
    {
        var deadline = DateTime.UtcNow + s_drainTimeout;
        while (_worker.HasPendingFinals && DateTime.UtcNow < deadline)
        {
            PrintFinishedReadings();
            Thread.Sleep(5);
        }

        PrintFinishedReadings();
    }

    private void OnMouse(MouseEventTypes @event, int x, int y, MouseEventFlags flags, IntPtr userData)
    {
        var at = new Point(Math.Clamp(x, 0, _canvas.Side - 1), Math.Clamp(y, 0, _canvas.Side - 1));
        switch (@event)
        {
            case MouseEventTypes.LButtonDown when x < _canvas.Side && y < _canvas.Side:
                _canvas.BeginStroke(at);
                break;
            case MouseEventTypes.MouseMove when _canvas.IsDrawing:
                if (flags.HasFlag(MouseEventFlags.LButton))
                {
                    _canvas.ExtendStroke(at);
                }
                else
                {
                    // The button came up outside the window, where no LButtonUp reaches us.
                    _canvas.EndStroke();
                }

                break;
            case MouseEventTypes.LButtonUp:
                _canvas.ExtendStroke(at);
                _canvas.EndStroke();
                break;
        }
    }
}
