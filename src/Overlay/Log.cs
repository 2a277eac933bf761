using Microsoft.Extensions.Logging;

namespace LiveDigits.Overlay;

/// <summary>The overlay and output library's log messages, generated once so that disabled levels cost nothing.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 500, Level = LogLevel.Error, Message = "{Failure}")]
    public static partial void RecordingStopped(ILogger logger, string failure);
}
