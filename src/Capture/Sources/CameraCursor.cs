using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OpenCvSharp;

namespace LiveDigits.Capture.Sources;

/// <summary>
/// Reads an open camera; notices a black picture, a frozen or silent device, and reopens it with growing
/// waits until <see cref="CameraOptions.RetryFor"/> runs out. Owns the capture.
/// </summary>
internal sealed class CameraCursor : IFrameCursor
{
    private static readonly TimeSpan s_longestRetryDelay = TimeSpan.FromSeconds(5);

    private readonly CameraOptions _options;
    private readonly ILogger _logger;
    private readonly Func<CameraOptions, VideoCaptureAPIs, VideoCapture> _openDevice;
    private readonly VideoCaptureAPIs _backend;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly FreezeDetector _freeze;
    private VideoCapture _capture;
    private Mat? _pending;
    private long _index;
    private int _blackFrames;

    private CameraCursor(
        CameraOptions options,
        ILogger logger,
        Func<CameraOptions, VideoCaptureAPIs, VideoCapture> openDevice,
        VideoCaptureAPIs backend,
        VideoCapture capture,
        Mat first)
    {
        _options = options;
        _logger = logger;
        _openDevice = openDevice;
        _backend = backend;
        _capture = capture;
        _pending = first;
        _freeze = new FreezeDetector(options.FrozenAfterFrames);
    }

    private string Name => $"camera {_options.Index}";

    /// <summary>Opens the camera with the first backend that delivers a frame.</summary>
    /// <exception cref="FrameSourceException">No backend delivered; the message says what each did.</exception>
    public static CameraCursor Open(
        CameraOptions options,
        ILogger logger,
        Func<CameraOptions, VideoCaptureAPIs, VideoCapture> openDevice,
        IReadOnlyList<VideoCaptureAPIs> backends)
    {
        var openedSilent = new List<VideoCaptureAPIs>();
        foreach (var backend in backends)
        {
            var capture = openDevice(options, backend);
            if (capture.IsOpened())
            {
                var first = new Mat();
                if (capture.Read(first) && !first.Empty())
                {
                    var backendName = CameraBackends.NameOf(backend);
                    Log.CameraOpened(logger, options.Index, backendName, first.Width, first.Height);
                    return new CameraCursor(options, logger, openDevice, backend, capture, first);
                }

                first.Dispose();
                openedSilent.Add(backend);
            }

            capture.Dispose();
        }

        throw new FrameSourceException(CannotOpenMessage(options.Index, backends, openedSilent));
    }

    public Frame? Next(CancellationToken cancellation)
    {
        var image = _pending ?? ReadOrRecover(cancellation);
        _pending = null;
        if (image is null)
        {
            return null;
        }

        CheckBlack(image);
        return new Frame(_index++, _clock.Elapsed, image);
    }

    public void Dispose()
    {
        _pending?.Dispose();
        _freeze.Dispose();
        _capture.Dispose();
    }

    private static string CannotOpenMessage(
        int index, IReadOnlyList<VideoCaptureAPIs> tried, List<VideoCaptureAPIs> openedSilent)
    {
        var backends = CameraBackends.Describe(tried);
        if (openedSilent.Count > 0)
        {
            return $"camera {index}: opened ({CameraBackends.Describe(openedSilent)}) but delivers no frames; " +
                "is it busy in another program?";
        }

        var device = $"/dev/video{index}";
        if (OperatingSystem.IsLinux() && !File.Exists(device))
        {
            return $"camera {index}: cannot be opened (tried {backends}): {device} does not exist; " +
                "is a camera connected?";
        }

        return $"camera {index}: cannot be opened (tried {backends}); is it connected, busy in another program, " +
            "or not permitted?";
    }

    private Mat? ReadOrRecover(CancellationToken cancellation)
    {
        var image = new Mat();
        if (_capture.Read(image) && !image.Empty())
        {
            if (!_freeze.IsFrozen(image))
            {
                return image;
            }

            image.Dispose();
            return Recover("delivers the same frame over and over (frozen)", cancellation);
        }

        image.Dispose();
        return Recover("stopped delivering frames", cancellation);
    }

    private Mat? Recover(string problem, CancellationToken cancellation)
    {
        Log.CameraStalled(_logger, _options.Index, problem);
        var giveUpAt = _clock.Elapsed + _options.RetryFor;
        var delay = _options.FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            if (cancellation.WaitHandle.WaitOne(delay))
            {
                return null;
            }

            var image = Reopen();
            if (image is not null)
            {
                Log.CameraRecovered(_logger, _options.Index, attempt);
                return image;
            }

            if (_clock.Elapsed >= giveUpAt)
            {
                throw new FrameSourceException(
                    $"{Name}: {problem}; no frames after reopening it for {_options.RetryFor.TotalSeconds:0.#} s");
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, s_longestRetryDelay.Ticks));
        }
    }

    private Mat? Reopen()
    {
        _capture.Dispose();
        _freeze.Reset();
        _capture = _openDevice(_options, _backend);
        var image = new Mat();
        if (_capture.IsOpened() && _capture.Read(image) && !image.Empty())
        {
            return image;
        }

        image.Dispose();
        return null;
    }

    private void CheckBlack(Mat image)
    {
        if (_index >= _options.BlackCheckFrames || _blackFrames < 0)
        {
            return;
        }

        // A covered lens or closed privacy shutter still delivers frames, all of them black.
        var mean = Cv2.Mean(image);
        var brightness = (mean.Val0 + mean.Val1 + mean.Val2) / 3;
        _blackFrames = brightness < 8 ? _blackFrames + 1 : -1;
        if (_blackFrames == _options.BlackCheckFrames)
        {
            Log.CameraBlack(_logger, _options.Index, _blackFrames);
        }
    }
}
