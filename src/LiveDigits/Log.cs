using Microsoft.Extensions.Logging;

namespace LiveDigits.App;

/// <summary>The app's log messages, generated once so that disabled levels cost nothing.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 700, Level = LogLevel.Error, Message = "{Failure}")]
    public static partial void OutputStopped(ILogger logger, string failure);

    [LoggerMessage(EventId = 701, Level = LogLevel.Error,
        Message = "{Video}: {Written} frames were written but {Played} play back")]
    public static partial void RecordingMismatch(ILogger logger, string video, int written, int played);

    [LoggerMessage(EventId = 702, Level = LogLevel.Error,
        Message = "Showing or saving frame {Frame} failed; the run goes on")]
    public static partial void FrameOutputFailed(ILogger logger, long frame, Exception exception);

    [LoggerMessage(EventId = 703, Level = LogLevel.Warning, Message = "{Message}")]
    public static partial void WindowNotice(ILogger logger, string message);
}
