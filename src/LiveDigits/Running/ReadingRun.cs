using System.Reactive.Concurrency;
using LiveDigits.Capture;
using LiveDigits.Overlay;
using LiveDigits.Pipeline.Reader;
using LiveDigits.Pipeline.Streaming;
using Microsoft.Extensions.Logging;
using OpenCvSharp;

namespace LiveDigits.App.Running;

/// <summary>
/// One run of the reader over a source: frames are read on the pipeline's worker, annotated, written to the
/// outputs and handed to the window. However the run ends (the source ends or fails, q, Ctrl+C, SIGTERM)
/// the subscription is disposed first and the files are finalised after, so both are complete.
/// </summary>
public sealed class ReadingRun
{
    private readonly IFrameSource _source;
    private readonly RunSettings _settings;
    private readonly ILoggerFactory _logging;
    private readonly ILogger _logger;
    private readonly Action<string>? _outputStopped;
    private readonly RunStatistics _statistics = new();
    private ReaderPipeline? _pipeline;
    private WindowView? _view;
    private OutputSink? _sink;

    /// <summary>Prepares a run; nothing is opened yet.</summary>
    /// <param name="source">The frames.</param>
    /// <param name="settings">The model, outputs and view.</param>
    /// <param name="logging">Creates the loggers.</param>
    /// <param name="outputStopped">
    /// Told, as it happens, why an output file stopped early (disk full); null logs it as an error.
    /// </param>
    public ReadingRun(
        IFrameSource source, RunSettings settings, ILoggerFactory logging, Action<string>? outputStopped = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(logging);
        _source = source;
        _settings = settings;
        _logging = logging;
        _logger = logging.CreateLogger<ReadingRun>();
        _outputStopped = outputStopped;
    }

    /// <summary>Gets what has been read so far.</summary>
    public RunStatistics Statistics => _statistics;

    /// <summary>Runs until the source ends, the user quits, or <paramref name="cancellation"/> fires.</summary>
    /// <param name="cancellation">Ctrl+C and SIGTERM.</param>
    /// <returns>The summary; the source's failure, if any, is in it rather than thrown.</returns>
    public async Task<RunSummary> RunAsync(CancellationToken cancellation)
    {
        // Everything that can be checked is checked before the first frame: outputs, display, model.
        OutputSink.Validate(_settings);
        DisplayCheck.RequireFor(_settings.ShowWindow);
        var readerOptions = new DigitReaderOptions
        {
            ModelPath = _settings.ModelPath,
            Engine = _settings.Engine,
            Debug = _settings.ShowWindow,
            TrackAcrossFrames = _settings.IsStream,
        };
        using var reader = new DigitReader(readerOptions, _logging);
        using var sink = new OutputSink(_settings, _logging, _outputStopped);
        using var worker = new EventLoopScheduler(start => new Thread(start) { IsBackground = true, Name = "reader" });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        _sink = sink;
        _pipeline = new ReaderPipeline(reader, worker, _logging.CreateLogger<ReaderPipeline>());
        using var pad = new PadLauncher(_settings.ModelPath, _logging, stop.Token);
        _view = _settings.ShowWindow ? new WindowView(_logger, pad.Run) : null;

        var ended = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        Exception? sourceError;
        try
        {
            using (_pipeline.Process(_source).Subscribe(
                p => OnFrame(p, stop.Token),
                e => ended.TrySetResult(e),
                () => ended.TrySetResult(null)))
            {
                sourceError = await WaitForEndAsync(ended.Task, cancellation).ConfigureAwait(false);
                stop.Cancel();
            }
        }
        finally
        {
            stop.Cancel();
            Drain(worker);
            _view?.Dispose();
        }

        var outputs = sink.Close();
        return new RunSummary(_statistics, _pipeline.Counters.Dropped, outputs, cancellation.IsCancellationRequested,
            sourceError, sink.Failure);
    }

    private static void Drain(EventLoopScheduler worker)
    {
        // Unsubscribing does not wait for a frame the worker is presenting; the window and the files are
        // closed only after it, or a late write could race the close. The worker runs in order, so once
        // this marker has run, nothing of the run is left on it.
        var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        worker.Schedule(() => drained.TrySetResult());
        drained.Task.Wait(TimeSpan.FromSeconds(10));
    }

    private async Task<Exception?> WaitForEndAsync(Task<Exception?> ended, CancellationToken cancellation)
    {
        var interrupted = Task.Delay(Timeout.Infinite, cancellation);
        var quit = _view?.QuitRequested ?? Task.Delay(Timeout.Infinite, cancellation);
        var progress = _settings.ShowProgress && _view is null
            ? ConsoleProgress.RunAsync(_statistics, _settings.ExpectedFrames, ended, cancellation)
            : Task.CompletedTask;
        var first = await Task.WhenAny(ended, interrupted, quit).ConfigureAwait(false);
        await progress.ConfigureAwait(false);
        if (first != ended)
        {
            return null;
        }

        var error = await ended.ConfigureAwait(false);

        // A file has ended but the window stays, showing the last frame, until the user closes it.
        if (_view is not null && error is null)
        {
            _view.Notify("end of input - q quits");
            await Task.WhenAny(quit, interrupted).ConfigureAwait(false);
        }

        return error;
    }

    private void OnFrame(ProcessedFrame processed, CancellationToken stop)
    {
        using (processed)
        {
            try
            {
                _view?.WaitWhilePaused(stop);
                Present(processed);
            }
            catch (OperationCanceledException)
            {
                // The run is stopping while the view was paused; this frame is simply not shown.
            }
            catch (Exception e) when (e is OpenCVException or IOException or InvalidOperationException
                or ArgumentException)
            {
                Log.FrameOutputFailed(_logger, processed.Frame.Index, e);
            }
        }
    }

    private void Present(ProcessedFrame processed)
    {
        var frame = processed.Frame;
        var analysis = processed.Analysis;
        _statistics.Add(analysis.Readings);
        var status = new OverlayStatus(_statistics.RecentFps, analysis.ProcessingTime, analysis.CandidateCount,
            _pipeline!.Counters.Dropped)
        {
            Image = _settings.IsStream || frame.SourcePath is null
                ? null
                : new StillImage(Path.GetFileName(frame.SourcePath), frame.Index + 1,
                    _settings.ExpectedFrames ?? frame.Index + 1),
        };
        using var annotated = OverlayRenderer.Render(frame.Image, analysis.Readings, status);
        _sink!.Write(frame, analysis.Readings, annotated);
        if (_view is not null)
        {
            _view.Show(_view.Debug ? DebugView.Render(analysis, frame.Image.Size()) : annotated.Clone());
        }
    }
}
