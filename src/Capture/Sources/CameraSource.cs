using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;

namespace LiveDigits.Capture.Sources;

/// <summary>
/// A camera by index, opened with this platform's backends (<see cref="CameraBackends"/>) at the requested
/// size and rate. A camera that stops delivering or freezes is reported, reopened with growing waits for
/// <see cref="CameraOptions.RetryFor"/>, then given up with a <see cref="FrameSourceException"/>.
/// </summary>
public sealed class CameraSource : IFrameSource
{
    private readonly FramePump _pump;
    private readonly Func<IFrameCursor> _open;

    /// <summary>Creates the source; the camera is opened on subscription and released on unsubscribe.</summary>
    /// <param name="options">Which camera and how to open it.</param>
    /// <param name="logger">Receives stalls, retries and a black picture; null for none.</param>
    public CameraSource(CameraOptions options, ILogger? logger = null)
        : this(options, logger, OpenDevice, CameraBackends.ForThisPlatform())
    {
    }

    /// <summary>
    /// Creates a source whose device is whatever <paramref name="openDevice"/> returns, so that tests drive
    /// the camera code with video files and image sequences.
    /// </summary>
    internal CameraSource(
        CameraOptions options,
        ILogger? logger,
        Func<CameraOptions, VideoCaptureAPIs, VideoCapture> openDevice,
        IReadOnlyList<VideoCaptureAPIs> backends)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Index);
        Options = options;
        var log = logger ?? NullLogger.Instance;
        _open = () => CameraCursor.Open(options, log, openDevice, backends);
        _pump = new FramePump(Name, _open);
    }

    /// <summary>Gets the options the camera is opened with.</summary>
    public CameraOptions Options { get; }

    /// <inheritdoc/>
    public string Name => $"camera {Options.Index}";

    /// <inheritdoc/>
    public bool IsLive => true;

    /// <summary>Gets how many subscriptions hold the camera open right now.</summary>
    public int OpenCount => _pump.OpenCount;

    /// <inheritdoc/>
    public IObservable<Frame> Frames() => _pump.Frames();

    /// <summary>
    /// Opens the camera, takes its first frame and releases it, so that a command fails before it creates (or
    /// empties) any output file. The run opens it again; a camera can be reopened at once.
    /// </summary>
    /// <exception cref="FrameSourceException">No backend opened the camera, or it delivers no frames.</exception>
    public void Validate()
    {
        using var cursor = _open();
    }

    private static VideoCapture OpenDevice(CameraOptions options, VideoCaptureAPIs backend)
    {
        var capture = new VideoCapture(options.Index, backend);
        if (!capture.IsOpened())
        {
            return capture;
        }

        // Requests only: a camera picks its nearest supported mode, which the first frame reveals.
        if (options.Width is { } width)
        {
            capture.Set(VideoCaptureProperties.FrameWidth, width);
        }

        if (options.Height is { } height)
        {
            capture.Set(VideoCaptureProperties.FrameHeight, height);
        }

        if (options.Fps is { } fps)
        {
            capture.Set(VideoCaptureProperties.Fps, fps);
        }

        return capture;
    }
}
