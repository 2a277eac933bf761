using Microsoft.Extensions.Logging;

namespace LiveDigits.Overlay;

/// <summary>The overlay library's log messages, generated once so that disabled levels cost nothing.</summary>
/// <remarks>Event ids 600-649 belong to the drawing pad.</remarks>
internal static partial class Log
{
    [LoggerMessage(EventId = 500, Level = LogLevel.Error, Message = "{Failure}")]
    public static partial void RecordingStopped(ILogger logger, string failure);

    [LoggerMessage(EventId = 600, Level = LogLevel.Error, Message = "The pad could not read the canvas")]
    public static partial void PadReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(
        EventId = 601,
        Level = LogLevel.Information,
        Message = "Pad open: a {Side} px square canvas, strokes {Stroke} px wide, accepting digits from {Threshold}")]
    public static partial void PadOpened(ILogger logger, int side, int stroke, double threshold);
}
