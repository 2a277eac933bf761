using LiveDigits.Pipeline.Streaming;
using Microsoft.Extensions.Logging;

namespace LiveDigits.Pipeline;

/// <summary>The pipeline's log messages, generated once so that disabled levels cost nothing.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information,
        Message = "Loaded {Model}: {Classes} classes, batched forward {Batched}")]
    public static partial void ModelLoaded(ILogger logger, string model, int classes, bool batched);

    [LoggerMessage(EventId = 150, Level = LogLevel.Information,
        Message = "Loaded {Model} in ONNX Runtime: {Classes} classes, batched run {Batched}")]
    public static partial void OnnxModelLoaded(ILogger logger, string model, int classes, bool batched);

    [LoggerMessage(EventId = 200, Level = LogLevel.Error, Message = "Reading frame {Frame} of {Source} failed")]
    public static partial void FrameFailed(ILogger logger, long frame, string source, Exception exception);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information,
        Message = "Reader pipeline on {Source} ended: {Counters}")]
    public static partial void PipelineEnded(ILogger logger, string source, PipelineCounters counters);

    [LoggerMessage(
        EventId = 600,
        Level = LogLevel.Information,
        Message = "Training the HOG + SVM baseline on {Count} MNIST training images (once; cached under data/)")]
    public static partial void TrainingBaseline(ILogger logger, int count);

    [LoggerMessage(
        EventId = 601,
        Level = LogLevel.Information,
        Message = "HOG + SVM baseline trained: {Vectors} support vectors")]
    public static partial void TrainedBaseline(ILogger logger, int vectors);
}
