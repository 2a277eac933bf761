using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;

namespace LiveDigits.Capture.Sources;

/// <summary>
/// Frames of a video file, every one in order, timed by the file's frame rate. A file that ends early
/// (truncated mid-stream) yields what can be decoded, logs a warning and completes.
/// </summary>
public sealed class VideoFileSource : IFrameSource
{
    private readonly ILogger _logger;
    private readonly FramePump _pump;

    /// <summary>Creates the source; nothing is opened until subscription.</summary>
    /// <param name="path">The video file.</param>
    /// <param name="logger">Receives warnings such as a truncated file; null for none.</param>
    public VideoFileSource(string path, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
        _logger = logger ?? NullLogger.Instance;
        _pump = new FramePump(path, Open);
    }

    /// <summary>Gets the video file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public string Name => Path;

    /// <inheritdoc/>
    public bool IsLive => false;

    /// <summary>Gets how many subscriptions hold the file open right now.</summary>
    public int OpenCount => _pump.OpenCount;

    /// <inheritdoc/>
    public IObservable<Frame> Frames() => _pump.Frames();

    /// <summary>
    /// Checks that the file is there, opens as a video and decodes its first frame, so that a command fails
    /// before it creates any output or prints any summary.
    /// </summary>
    /// <exception cref="FrameSourceException">
    /// The file is missing, empty, an image, not a video, or no frame of it can be decoded.
    /// </exception>
    public void Validate()
    {
        using var cursor = Open();
        using var first = cursor.Next(CancellationToken.None);
    }

    private void CheckFile()
    {
        var file = new FileInfo(Path);
        if (Directory.Exists(Path))
        {
            throw new FrameSourceException($"{Path}: is a folder, not a video file");
        }

        if (!file.Exists)
        {
            throw new FrameSourceException($"{Path}: video file not found");
        }

        if (file.Length == 0)
        {
            throw new FrameSourceException($"{Path}: the video file is empty");
        }

        if (Cv2.HaveImageReader(Path))
        {
            throw new FrameSourceException($"{Path}: is an image, not a video (use 'livedigits image')");
        }
    }

    private VideoFileCursor Open()
    {
        CheckFile();
        var capture = new VideoCapture(Path, VideoCaptureAPIs.FFMPEG);
        if (!capture.IsOpened())
        {
            capture.Dispose();
            throw new FrameSourceException($"{Path}: not a video OpenCV can open (unknown format or codec)");
        }

        return new VideoFileCursor(Path, capture, _logger);
    }
}
