using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using LiveDigits.Capture;
using LiveDigits.Pipeline.Reader;
using LiveDigits.Pipeline.Readings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveDigits.Pipeline.Streaming;

/// <summary>
/// Runs a <see cref="DigitReader"/> over a frame source on one worker thread: the newest frame wins for a
/// live source, every frame in order for a file.
/// </summary>
/// <remarks>
/// The owner creates the worker scheduler (an <see cref="EventLoopScheduler"/>), passes it in and
/// disposes it after the subscription ends; all reading happens on it, never on the capture or UI
/// thread. Processed frames are pushed on the worker: a UI subscriber adds its own <c>ObserveOn</c>.
/// A live source's stale frames are disposed and counted as dropped, so latency does not grow. A file
/// source is held back instead: at most <see cref="ReadAhead"/> frames are read ahead of the reader,
/// by blocking the source's thread, so a source must not push on the worker scheduler itself.
/// </remarks>
public sealed class ReaderPipeline
{
    /// <summary>How many frames a file source may read ahead of the reader.</summary>
    public const int ReadAhead = 2;

    private readonly DigitReader _reader;
    private readonly IScheduler _worker;
    private readonly IScheduler _capture;
    private readonly ILogger _logger;

    /// <summary>Creates the pipeline.</summary>
    /// <param name="reader">The reader; used only on the worker; not disposed here.</param>
    /// <param name="worker">The one thread that reads frames; owned by the caller.</param>
    /// <param name="logger">Receives failures and the end-of-run counters; optional.</param>
    /// <param name="capture">
    /// Where the source is subscribed, so a source that reads in its subscribe call does not block the
    /// caller; a new thread when null.
    /// </param>
    public ReaderPipeline(
        DigitReader reader,
        IScheduler worker,
        ILogger<ReaderPipeline>? logger = null,
        IScheduler? capture = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(worker);
        _reader = reader;
        _worker = worker;
        _capture = capture ?? NewThreadScheduler.Default;
        _logger = logger ?? NullLogger<ReaderPipeline>.Instance;
    }

    /// <summary>Gets the frame counts, updated as the pipeline runs.</summary>
    public PipelineCounters Counters { get; } = new();

    /// <summary>Reads a source: newest frame wins when it is live, every frame in order otherwise.</summary>
    /// <param name="source">The frames; subscribed once per subscription.</param>
    /// <returns>The processed frames, each owned by the subscriber.</returns>
    public IObservable<ProcessedFrame> Process(IFrameSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var frames = Observable.Defer(source.Frames).SubscribeOn(_capture);
        var processed = source.IsLive ? Latest(frames, source.Name) : FrameByFrame(frames, source.Name);
        return processed.Finally(() => Log.PipelineEnded(_logger, source.Name, Counters));
    }

    private IObservable<ProcessedFrame> Latest(IObservable<Frame> frames, string name)
    {
        var counted = frames.Do(_ => Counters.AddCaptured());
        return new LatestOnObservable<Frame>(counted, _worker, Drop).Select(frame => Read(frame, name));
    }

    private void Drop(Frame frame)
    {
        frame.Dispose();
        Counters.AddDropped();
    }

    private IObservable<ProcessedFrame> FrameByFrame(IObservable<Frame> frames, string name) =>
        Observable.Create<ProcessedFrame>(observer =>
        {
            var handOff = new FileHandOff(this, observer, name);
            var subscription = frames.Subscribe(handOff.Enqueue, handOff.Fail, handOff.Complete);
            return new CompositeDisposable(handOff, subscription);
        });

    private ProcessedFrame Read(Frame frame, string name)
    {
        try
        {
            var analysis = _reader.Read(frame.Image, frame.Index, frame.Timestamp, frame.SourcePath);
            Counters.AddClassified();
            return new ProcessedFrame(frame, analysis);
        }
        catch (Exception e)
        {
            // One bad frame must not end an hours-long run: it is logged with its index, counted, and passed
            // on with no readings, so the recording and the JSON Lines still hold every frame.
            Counters.AddFailed();
            Log.FrameFailed(_logger, frame.Index, name, e);
            var nothing = new FrameReadings(frame.Index, frame.Timestamp.TotalMilliseconds, [], [], frame.SourcePath);
            return new ProcessedFrame(frame, new FrameAnalysis(nothing, 0, TimeSpan.Zero));
        }
    }

    /// <summary>Hands a file's frames to the worker one by one, holding the source back when it runs ahead.</summary>
    private sealed class FileHandOff(ReaderPipeline pipeline, IObserver<ProcessedFrame> observer, string name)
        : IDisposable
    {
        private readonly SemaphoreSlim _slots = new(ReadAhead);
        private readonly CancellationTokenSource _stop = new();
        private volatile bool _failed;

        public void Enqueue(Frame frame)
        {
            try
            {
                _slots.Wait(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                frame.Dispose();
                return;
            }

            pipeline.Counters.AddCaptured();
            if (!TrySchedule(() => ReadOnWorker(frame)))
            {
                frame.Dispose();
                _slots.Release();
            }
        }

        public void Fail(Exception error) => TrySchedule(() => Finish(error));

        public void Complete() => TrySchedule(() => Finish(null));

        public void Dispose() => _stop.Cancel();

        // The owner may dispose the worker as soon as it has unsubscribed, while the capture thread is still
        // between taking a slot (or ending) and this call; an exception there would kill the process.
        private bool TrySchedule(Action action)
        {
            try
            {
                pipeline._worker.Schedule(action);
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }

        private void ReadOnWorker(Frame frame)
        {
            try
            {
                if (_failed || _stop.IsCancellationRequested)
                {
                    frame.Dispose();
                    return;
                }

                ProcessedFrame processed;
                try
                {
                    processed = pipeline.Read(frame, name);
                }
                catch (Exception e)
                {
                    _failed = true;
                    observer.OnError(e);
                    return;
                }

                observer.OnNext(processed);
            }
            finally
            {
                _slots.Release();
            }
        }

        private void Finish(Exception? error)
        {
            if (_failed || _stop.IsCancellationRequested)
            {
                return;
            }

            if (error is null)
            {
                observer.OnCompleted();
            }
            else
            {
                observer.OnError(error);
            }
        }
    }
}
