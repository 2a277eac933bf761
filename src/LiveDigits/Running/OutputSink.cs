using LiveDigits.Capture;
using LiveDigits.Overlay.Output;
using LiveDigits.Pipeline.Readings;
using Microsoft.Extensions.Logging;
using OpenCvSharp;

namespace LiveDigits.App.Running;

/// <summary>
/// The run's files: the annotated video and the JSON Lines record. Writes come from the pipeline's worker
/// and closing from whichever thread ends the run (Ctrl+C, a key, the end of the source); one lock keeps
/// a write from racing the close, so the files are finalised exactly once and never written after.
/// </summary>
public sealed class OutputSink : IDisposable
{
    private readonly Lock _gate = new();
    private readonly VideoRecorder? _recorder;
    private readonly ReadingsJsonlWriter? _jsonl;
    private readonly ILogger _logger;
    private readonly Action<string> _stopped;
    private bool _closed;
    private bool _jsonlFailureReported;
    private bool _recordingFailureReported;

    /// <summary>Creates the output files named in the settings.</summary>
    /// <param name="settings">The run's settings.</param>
    /// <param name="logging">Creates the loggers.</param>
    /// <param name="stopped">
    /// Told once per file, when it happens, why that file stopped early (disk full); null logs it as an error.
    /// </param>
    /// <exception cref="OutputException">A file cannot be created.</exception>
    public OutputSink(RunSettings settings, ILoggerFactory logging, Action<string>? stopped = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(logging);
        _logger = logging.CreateLogger<OutputSink>();
        _stopped = stopped ?? (failure => Log.OutputStopped(_logger, failure));
        _jsonl = settings.JsonlPath is { } jsonl ? new ReadingsJsonlWriter(jsonl) : null;
        try
        {
            _recorder = settings.RecordPath is { } record
                // The recorder is given no logger: its stop is reported through _stopped, once, like the JSON Lines'.
                ? new VideoRecorder(record, settings.RecordFps, frameSize: settings.RecordFrameSize)
                : null;
        }
        catch
        {
            _jsonl?.Dispose();
            throw;
        }
    }

    /// <summary>Checks the output paths of the settings before anything starts.</summary>
    /// <param name="settings">The run's settings.</param>
    /// <exception cref="OutputException">A path cannot be written.</exception>
    public static void Validate(RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.RecordPath is { } record)
        {
            VideoRecorder.Validate(record);
        }

        if (settings.JsonlPath is { } jsonl)
        {
            OutputPaths.CheckWritable(jsonl);
        }
    }

    /// <summary>Appends one frame: its readings in source pixels, and its annotated picture.</summary>
    /// <param name="frame">The frame the readings belong to.</param>
    /// <param name="readings">The readings, boxes in frame pixels.</param>
    /// <param name="annotated">The annotated picture; not kept.</param>
    public void Write(Frame frame, FrameReadings readings, Mat annotated)
    {
        ArgumentNullException.ThrowIfNull(frame);
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            if (_jsonl is not null && !_jsonl.Write(SourcePixels.Of(readings, frame.SourceScale))
                && !_jsonlFailureReported)
            {
                _jsonlFailureReported = true;
                _stopped(_jsonl.Failure ?? _jsonl.Path);
            }

            if (_recorder is not null && !_recorder.Write(annotated) && !_recordingFailureReported)
            {
                _recordingFailureReported = true;
                _stopped(_recorder.Failure ?? _recorder.Path);
            }
        }
    }

    /// <summary>Finalises the files and checks that the video plays back every frame written.</summary>
    /// <returns>One line per file for the summary.</returns>
    public IReadOnlyList<string> Close()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return [];
            }

            _closed = true;
            _jsonl?.Dispose();
            _recorder?.Dispose();
        }

        var lines = new List<string>();
        if (_jsonl is not null)
        {
            lines.Add($"jsonl {_jsonl.Path}: {_jsonl.LinesWritten} lines{Problem(_jsonl.Failure)}");
        }

        if (_recorder is not null)
        {
            lines.Add(CheckRecording(_recorder));
        }

        return lines;
    }

    /// <summary>Gets why an output stopped before the run ended (both, joined, if both did); null if none.</summary>
    public string? Failure
    {
        get
        {
            string[] failures = [.. new[] { _jsonl?.Failure, _recorder?.Failure }.OfType<string>()];
            return failures.Length == 0 ? null : string.Join("; ", failures);
        }
    }

    /// <summary>Closes the files if <see cref="Close"/> was not called.</summary>
    public void Dispose() => Close();

    private static string Problem(string? failure) => failure is null ? "" : $" (stopped early: {failure})";

    private string CheckRecording(VideoRecorder recorder)
    {
        if (recorder.FramesWritten == 0)
        {
            return $"recorded {recorder.Path}: no frames{Problem(recorder.Failure)}";
        }

        var played = VideoRecorder.CountFrames(recorder.Path);
        if (played != recorder.FramesWritten)
        {
            Log.RecordingMismatch(_logger, recorder.Path, recorder.FramesWritten, played);
        }

        return $"recorded {recorder.Path}: {recorder.FramesWritten} frames, plays back {Math.Max(played, 0)}" +
            Problem(recorder.Failure);
    }
}
