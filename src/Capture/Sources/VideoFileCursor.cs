using Microsoft.Extensions.Logging;
using OpenCvSharp;

namespace LiveDigits.Capture.Sources;

/// <summary>Reads an open video file frame by frame; owns the capture.</summary>
internal sealed class VideoFileCursor : IFrameCursor
{
    // Containers without a frame rate (some MJPG AVIs, image sequences) get the common camera rate.
    private const double FallbackFps = 30;

    private readonly string _path;
    private readonly VideoCapture _capture;
    private readonly ILogger _logger;
    private readonly double _fps;
    private readonly long _expectedCount;
    private long _index;

    public VideoFileCursor(string path, VideoCapture capture, ILogger logger)
    {
        _path = path;
        _capture = capture;
        _logger = logger;
        var fps = capture.Get(VideoCaptureProperties.Fps);
        _fps = double.IsFinite(fps) && fps is > 0 and < 1000 ? fps : FallbackFps;
        _expectedCount = (long)Math.Max(0, capture.Get(VideoCaptureProperties.FrameCount));
    }

    public Frame? Next(CancellationToken cancellation)
    {
        // A fresh Mat per read: the frame goes to the subscriber, so the capture buffer cannot be reused.
        var image = new Mat();
        if (!_capture.Read(image) || image.Empty())
        {
            image.Dispose();
            return End();
        }

        var timestamp = TimeSpan.FromMilliseconds(_index * 1000.0 / _fps);
        return new Frame(_index++, timestamp, image);
    }

    public void Dispose() => _capture.Dispose();

    private Frame? End()
    {
        if (_index == 0)
        {
            throw new FrameSourceException($"{_path}: no frame could be decoded (unsupported codec or damaged file)");
        }

        // The container's count is an estimate for some formats; only a clear shortfall means truncation.
        if (_expectedCount > 0 && _index < _expectedCount - 1)
        {
            Log.VideoEndedEarly(_logger, _path, _index, _expectedCount);
        }

        return null;
    }
}
