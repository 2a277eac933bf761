using Microsoft.Extensions.Logging;

namespace LiveDigits.Capture;

/// <summary>The capture library's log messages, generated once so that disabled levels cost nothing.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Fetching MNIST ({Package}) into {Folder}")]
    public static partial void FetchingMnist(ILogger logger, string package, string folder);
}
