using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;

namespace LiveDigits.Overlay.Output;

/// <summary>
/// Records annotated frames to a video: mp4v in <c>.mp4</c>, MJPG in <c>.avi</c>. The size is given, or else
/// fixed by the first frame; a frame of another size is scaled to fit it, keeping its aspect ratio, and
/// letterboxed. Recording stops, finalising the file while there is still room, when the disk's free space
/// falls below a reserve.
/// </summary>
/// <remarks>
/// OpenCV's writer reports no write errors, and a video whose index cannot be written at the end is lost
/// whole; so a full disk is foreseen from the free space rather than detected after the fact.
/// </remarks>
public sealed class VideoRecorder : IDisposable
{
    /// <summary>The free space kept on the disk: room for the container's index and a margin.</summary>
    public const long DefaultReserveBytes = 64L * 1024 * 1024;

    // Free space is asked every this many frames: often enough to stop in time at any sane bit rate.
    private const int FreeSpaceCheckInterval = 15;

    // Very small frames (a 1x1 image) are letterboxed into this, since encoders refuse tiny sizes.
    private const int SmallestSide = 64;

    private readonly ILogger _logger;
    private readonly Func<long> _freeSpace;
    private readonly long _reserveBytes;
    private readonly double _fps;
    private readonly Mat _letterbox = new();
    private readonly Size? _frameSize;
    private VideoWriter? _writer;
    private Size _size;
    private bool _disposed;

    /// <summary>Checks the path and prepares to record; the file is created with the first frame.</summary>
    /// <param name="path">A <c>.mp4</c> or <c>.avi</c> file in a writable folder.</param>
    /// <param name="fps">The frame rate written into the file.</param>
    /// <param name="logger">Receives the message when recording stops early; null for none.</param>
    /// <param name="freeSpace">Returns the free bytes on the file's disk; null asks the drive.</param>
    /// <param name="reserveBytes">Recording stops when free space falls below this.</param>
    /// <param name="frameSize">
    /// The video's frame size; null takes the first frame's. Give it when frames of several sizes are known to
    /// come (images), or a large one after a small first one is shrunk to a thumbnail.
    /// </param>
    /// <exception cref="OutputException">The extension is not supported or the folder cannot be written.</exception>
    public VideoRecorder(
        string path, double fps, ILogger? logger = null, Func<long>? freeSpace = null,
        long reserveBytes = DefaultReserveBytes, Size? frameSize = null)
    {
        _freeSpace = freeSpace ?? (() => FreeSpaceOf(path));
        _reserveBytes = reserveBytes;
        Validate(path, _freeSpace, reserveBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fps);
        Path = path;
        _fps = fps;
        _logger = logger ?? NullLogger.Instance;
        _frameSize = frameSize;
    }

    /// <summary>Gets the video file.</summary>
    public string Path { get; }

    /// <summary>Gets how many frames went into the file.</summary>
    public int FramesWritten { get; private set; }

    /// <summary>Gets why recording stopped early; null while all is well.</summary>
    public string? Failure { get; private set; }

    /// <summary>
    /// Checks that the path has a supported extension and a writable folder, on a disk with more free space
    /// than the recorder keeps (<see cref="DefaultReserveBytes"/>).
    /// </summary>
    /// <param name="path">The video file.</param>
    /// <exception cref="OutputException">It has not; the message says what to do.</exception>
    public static void Validate(string path) => Validate(path, () => FreeSpaceOf(path), DefaultReserveBytes);

    private static void Validate(string path, Func<long> freeSpace, long reserveBytes)
    {
        _ = FourCcFor(path);
        OutputPaths.CheckWritable(path);

        // A disk already below the reserve would stop the recording at its first frame: say so before the
        // run, not in its summary (a 100 KB disk used to read the whole video and record nothing).
        var free = freeSpace();
        if (free < reserveBytes)
        {
            throw new OutputException($"{path}: the disk has {free / (1024 * 1024)} MB free; recording keeps " +
                $"{reserveBytes / (1024 * 1024)} MB free, so it could not record a frame");
        }
    }

    /// <summary>Counts the frames a video file plays back, reading it to the end.</summary>
    /// <param name="path">The video file.</param>
    /// <returns>The number of frames decoded; -1 when the file cannot be opened.</returns>
    public static int CountFrames(string path)
    {
        using var capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
        if (!capture.IsOpened())
        {
            return -1;
        }

        var count = 0;
        while (capture.Grab())
        {
            count++;
        }

        return count;
    }

    /// <summary>Appends one frame.</summary>
    /// <param name="image">An 8-bit BGR picture; not kept.</param>
    /// <returns>False when recording has stopped (see <see cref="Failure"/>).</returns>
    public bool Write(Mat image)
    {
        ArgumentNullException.ThrowIfNull(image);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Failure is not null)
        {
            return false;
        }

        if (FramesWritten % FreeSpaceCheckInterval == 0 && !HasRoom())
        {
            return false;
        }

        var writer = _writer ??= Open(_frameSize ?? image.Size());
        if (writer is null)
        {
            return false;
        }

        if (image.Size() == _size)
        {
            writer.Write(image);
        }
        else
        {
            Letterbox(image);
            writer.Write(_letterbox);
        }

        FramesWritten++;
        return true;
    }

    /// <summary>Finalises the file so it plays. Safe to call more than once.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _writer?.Dispose();
        _writer = null;
        _letterbox.Dispose();
    }

    private static string FourCcFor(string path) =>
        System.IO.Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".mp4" => "mp4v",
            ".avi" => "MJPG",
            _ => throw new OutputException($"{path}: record to a .mp4 file (mp4v) or an .avi file (MJPG)"),
        };

    private static VideoCaptureAPIs BackendFor(string path) =>
        // FFmpeg's MJPG encoder, which OpenCV picks by default, took 46 ms a 720p frame against 6 ms for a
        // JPEG encode (2.4 times the CPU of OpenCV's own MJPG writer, docs/PERFORMANCE.md); OpenCV's own
        // writer makes a standard MJPG AVI that FFmpeg and players read.
        FourCcFor(path) == "MJPG" ? VideoCaptureAPIs.OPENCV_MJPEG : VideoCaptureAPIs.FFMPEG;

    private static long FreeSpaceOf(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? path;
        try
        {
            return new DriveInfo(folder).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // A drive that will not say (some network mounts) is assumed to have room, as before this check.
            return long.MaxValue;
        }
    }

    private bool HasRoom()
    {
        var free = _freeSpace();
        if (free >= _reserveBytes)
        {
            return true;
        }

        Stop($"{Path}: recording stopped after {FramesWritten} frames: the disk is nearly full " +
            $"({free / (1024 * 1024)} MB left); the video up to here is kept");
        return false;
    }

    private VideoWriter? Open(Size first)
    {
        // Encoders want even sides; an odd column or row is dropped by the letterbox, not stretched.
        _size = new Size(Math.Max(SmallestSide, first.Width & ~1), Math.Max(SmallestSide, first.Height & ~1));
        var writer = new VideoWriter(Path, BackendFor(Path), FourCC.FromString(FourCcFor(Path)), _fps, _size);
        if (writer.IsOpened())
        {
            return writer;
        }

        writer.Dispose();
        Stop($"{Path}: the video writer could not be opened ({FourCcFor(Path)}, {_size.Width}x{_size.Height})");
        return null;
    }

    private void Stop(string failure)
    {
        Failure = failure;
        Log.RecordingStopped(_logger, failure);
        _writer?.Dispose();
        _writer = null;
    }

    private void Letterbox(Mat image)
    {
        var scale = Math.Min((double)_size.Width / image.Width, (double)_size.Height / image.Height);
        var fitted = new Size(
            Math.Clamp((int)Math.Round(image.Width * scale), 1, _size.Width),
            Math.Clamp((int)Math.Round(image.Height * scale), 1, _size.Height));
        _letterbox.Create(_size, MatType.CV_8UC3);
        _letterbox.SetTo(Scalar.Black);
        var offset = new Point((_size.Width - fitted.Width) / 2, (_size.Height - fitted.Height) / 2);
        using var target = new Mat(_letterbox, new Rect(offset, fitted));
        var interpolation = scale < 1 ? InterpolationFlags.Area : InterpolationFlags.Linear;
        Cv2.Resize(image, target, fitted, interpolation: interpolation);
    }
}
