using Microsoft.Extensions.Logging;

namespace LiveDigits.App;

/// <summary>The app's log messages, generated once so that disabled levels cost nothing.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 600, Level = LogLevel.Error, Message = "{Failure}")]
    public static partial void OutputStopped(ILogger logger, string failure);

    [LoggerMessage(EventId = 601, Level = LogLevel.Error,
        Message = "{Video}: {Written} frames were written but {Played} play back")]
    public static partial void RecordingMismatch(ILogger logger, string video, int written, int played);

    [LoggerMessage(EventId = 602, Level = LogLevel.Error, Message = "Showing or saving frame {Frame} failed; the run goes on")]
    public static partial void FrameOutputFailed(ILogger logger, long frame, Exception exception);

    [LoggerMessage(EventId = 603, Level = LogLevel.Warning, Message = "{Message}")]
    public static partial void WindowNotice(ILogger logger, string message);
}
