using LiveDigits.Overlay.Pad;
using Microsoft.Extensions.Logging;
using OpenCvSharp;

namespace LiveDigits.App.Running;

/// <summary>
/// The live window. One UI thread, owned here, makes every HighGUI call (show, keys, close), as GTK and
/// Win32 windows require; other threads only hand it pictures. Keys: ESC or q quits, space pauses,
/// d switches the debug view, p asks for the drawing pad.
/// </summary>
public sealed class WindowView : IDisposable
{
    /// <summary>The window's title.</summary>
    public const string Title = "LiveDigits";

    // WaitKey's wait: short enough to show 60 fps, long enough to leave the CPU to the reader.
    private const int KeyWaitMs = 10;

    private static readonly Size s_maxWindow = new(1280, 720);

    private readonly Lock _gate = new();
    private readonly ILogger _logger;
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _running = new(true);
    private readonly TaskCompletionSource _quit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Mat? _pending;
    private Mat? _shown;
    private string? _notice;
    private volatile bool _stop;
    private volatile bool _debug;
    private bool _closed;

    /// <summary>Creates the view and starts its UI thread, which opens the window.</summary>
    /// <param name="logger">Receives key notices such as an unavailable pad mode.</param>
    /// <param name="padMode">
    /// Runs the drawing pad on the UI thread when p is pressed and says how the user left it; null if unavailable.
    /// </param>
    public WindowView(ILogger logger, Func<PadExit>? padMode = null)
    {
        _logger = logger;
        PadMode = padMode;
        _thread = new Thread(Loop) { IsBackground = true, Name = "window" };
        _thread.Start();
    }

    /// <summary>Gets whether the debug view is on.</summary>
    public bool Debug => _debug;

    /// <summary>Gets whether the view is paused.</summary>
    public bool Paused => !_running.IsSet;

    /// <summary>Gets a task that completes when the user quits (ESC, q, or closing the window).</summary>
    public Task QuitRequested => _quit.Task;

    private Func<PadExit>? PadMode { get; }

    /// <summary>Hands a picture to the window, which owns it from now on; an unshown older one is dropped.</summary>
    /// <param name="picture">The picture to show.</param>
    public void Show(Mat picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        lock (_gate)
        {
            _pending?.Dispose();
            _pending = picture;
        }
    }

    /// <summary>Writes a short notice over the last picture, such as the end of a video.</summary>
    /// <param name="notice">The text.</param>
    public void Notify(string notice)
    {
        lock (_gate)
        {
            _notice = notice;
        }
    }

    /// <summary>Blocks the calling (pipeline) thread while the view is paused.</summary>
    /// <param name="cancellation">Ends the wait when the run stops.</param>
    public void WaitWhilePaused(CancellationToken cancellation) => _running.Wait(cancellation);

    /// <summary>Closes the window and waits for the UI thread to end.</summary>
    public void Dispose()
    {
        _stop = true;
        _running.Set();
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join(TimeSpan.FromSeconds(5));
        }

        lock (_gate)
        {
            _pending?.Dispose();
            _pending = null;
        }

        _running.Dispose();
    }

    private void Loop()
    {
        try
        {
            Cv2.NamedWindow(Title, WindowFlags.Normal | WindowFlags.KeepRatio | WindowFlags.GuiNormal);
            while (!_stop)
            {
                // Showing a picture re-creates a window the user closed, so the close is looked for first.
                if (!_closed)
                {
                    ShowLatest();
                }

                var key = Cv2.WaitKey(KeyWaitMs);
                if (key >= 0)
                {
                    HandleKey(key & 0xFF);
                }

                if (!_closed && WasClosed())
                {
                    _closed = true;
                    _quit.TrySetResult();
                }
            }
        }
        finally
        {
            _shown?.Dispose();
            Cv2.DestroyAllWindows();
        }
    }

    /// <summary>Whether the user closed the window (its close button, Alt+F4), which ends the run as q does.</summary>
    private bool WasClosed()
    {
        if (_shown is null)
        {
            return false;
        }

        // Win32 and Qt report a closed window as not visible (0). GTK answers -1, "unknown", for visibility
        // whatever the state, but forgets a window once it is closed: AutoSize is then -1 (as the pad finds),
        // and asking for the picture's place fails with "NULL window", which was seen to come first.
        try
        {
            return Cv2.GetWindowProperty(Title, WindowPropertyFlags.Visible) == 0
                || Cv2.GetWindowProperty(Title, WindowPropertyFlags.AutoSize) < 0
                || Cv2.GetWindowImageRect(Title).Width <= 0;
        }
        catch (OpenCVException)
        {
            return true;
        }
    }

    private void ShowLatest()
    {
        Mat? next;
        string? notice;
        lock (_gate)
        {
            next = _pending;
            _pending = null;
            notice = _notice;
        }

        if (next is not null)
        {
            if (_shown is null || _shown.Size() != next.Size())
            {
                FitWindow(next.Size());
            }

            _shown?.Dispose();
            _shown = next;
            Cv2.ImShow(Title, _shown);
        }

        if ((Paused || notice is not null) && _shown is not null)
        {
            using var marked = _shown.Clone();
            var text = Paused ? "PAUSED - space resumes" : notice!;
            Cv2.PutText(marked, text, new Point(10, marked.Height - 15), HersheyFonts.HersheySimplex, 0.7,
                new Scalar(0, 0, 255), 2, LineTypes.AntiAlias);
            Cv2.ImShow(Title, marked);
        }
    }

    private static void FitWindow(Size picture)
    {
        // A resizable window opens at a toolkit default size; it is sized to the picture, scaled down to
        // fit a laptop screen when the camera delivers more.
        var scale = Math.Min(
            1.0,
            Math.Min(s_maxWindow.Width / (double)picture.Width, s_maxWindow.Height / (double)picture.Height));
        Cv2.ResizeWindow(Title, (int)(picture.Width * scale), (int)(picture.Height * scale));
    }

    private void HandleKey(int key)
    {
        switch (key)
        {
            case 27 or 'q' or 'Q':
                _quit.TrySetResult();
                break;
            case ' ':
                if (Paused)
                {
                    _running.Set();
                }
                else
                {
                    _running.Reset();
                }

                break;
            case 'd' or 'D':
                _debug = !_debug;
                break;
            case 'p' or 'P':
                OpenPad();
                break;
        }
    }

    private void OpenPad()
    {
        if (PadMode is null)
        {
            Log.WindowNotice(_logger, "the drawing pad is not available in this build; run './livedigits pad'");
            return;
        }

        // The pad owns the UI thread until the user leaves it; reading waits meanwhile, as when paused, so a
        // file is not read past unseen and a camera's stale frames are dropped.
        var wasPaused = Paused;
        _running.Reset();
        var exit = PadMode();
        if (exit == PadExit.Quit)
        {
            _quit.TrySetResult();
        }

        if (!wasPaused)
        {
            _running.Set();
        }

        if (_shown is not null)
        {
            Cv2.NamedWindow(Title, WindowFlags.Normal | WindowFlags.KeepRatio | WindowFlags.GuiNormal);
            FitWindow(_shown.Size());
            Cv2.ImShow(Title, _shown);
        }
    }
}
