using Microsoft.Extensions.Logging;

namespace LiveDigits.Pipeline;

/// <summary>The pipeline's log messages, generated once so that disabled levels cost nothing.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Loaded {Model}: {Classes} classes, batched forward {Batched}")]
    public static partial void ModelLoaded(ILogger logger, string model, int classes, bool batched);
}
