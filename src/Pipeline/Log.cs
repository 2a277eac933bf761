using LiveDigits.Pipeline.Streaming;
using Microsoft.Extensions.Logging;

namespace LiveDigits.Pipeline;

/// <summary>The pipeline's log messages, generated once so that disabled levels cost nothing.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Loaded {Model}: {Classes} classes, batched forward {Batched}")]
    public static partial void ModelLoaded(ILogger logger, string model, int classes, bool batched);

    [LoggerMessage(EventId = 200, Level = LogLevel.Error, Message = "Reading frame {Frame} of {Source} failed")]
    public static partial void FrameFailed(ILogger logger, long frame, string source, Exception exception);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Reader pipeline on {Source} ended: {Counters}")]
    public static partial void PipelineEnded(ILogger logger, string source, PipelineCounters counters);
}
