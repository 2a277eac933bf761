using System.Reactive.Concurrency;
using System.Reactive.Disposables;
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
/// thread. Processed frames are pushed on the worker; a subscriber that moves them to another thread must
/// dispose whatever it does not deliver (Rx's <c>ObserveOn</c> drops its queue undisposed when unsubscribed).
/// Disposing the subscription releases the source before it returns. A live source's stale frames are
/// disposed and counted as dropped, so latency does not grow. A file source is held back instead: at most
/// <see cref="ReadAhead"/> frames are read ahead of the reader, by blocking the source's thread, so a source
/// must not push on the worker scheduler itself.
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
    /// <returns>
    /// The processed frames, each owned by the subscriber: one that is being read when the subscription is
    /// disposed still goes to it, and every frame not delivered is disposed here.
    /// </returns>
    public IObservable<ProcessedFrame> Process(IFrameSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new Processing(this, source);
    }

    private IDisposable SubscribeLatest(IFrameSource source, IObserver<ProcessedFrame> observer)
    {
        var latest = new LatestOnObservable<Frame>(new Captured(source, _capture, Counters), _worker, Drop);
        return latest.Subscribe(new Reading(this, observer, source.Name));
    }

    private CompositeDisposable SubscribeFrameByFrame(IFrameSource source, IObserver<ProcessedFrame> observer)
    {
        var handOff = new FileHandOff(this, observer, source.Name);
        var subscription = new Captured(source, _capture, null).Subscribe(handOff);
        return new CompositeDisposable(handOff, subscription);
    }

    private void Drop(Frame frame)
    {
        frame.Dispose();
        Counters.AddDropped();
    }

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
        : IObserver<Frame>, IDisposable
    {
        private readonly SemaphoreSlim _slots = new(ReadAhead);
        private readonly CancellationTokenSource _stop = new();

        // Frames handed to the worker and not yet taken up by it: an owner that disposes the worker right
        // after unsubscribing drops its queue unrun, so these are disposed here rather than left to leak.
        private readonly HashSet<Frame> _pending = [];
        private readonly Lock _gate = new();
        private volatile bool _failed;

        public void OnNext(Frame frame)
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
            lock (_gate)
            {
                if (_stop.IsCancellationRequested)
                {
                    frame.Dispose();
                    return;
                }

                _pending.Add(frame);
            }

            if (!TrySchedule(() => ReadOnWorker(frame)))
            {
                if (Claim(frame))
                {
                    frame.Dispose();
                }

                _slots.Release();
            }
        }

        public void OnError(Exception error) => TrySchedule(() => Finish(error));

        public void OnCompleted() => TrySchedule(() => Finish(null));

        public void Dispose()
        {
            Frame[] unread;
            lock (_gate)
            {
                _stop.Cancel();
                unread = [.. _pending];
                _pending.Clear();
            }

            foreach (var frame in unread)
            {
                frame.Dispose();
            }
        }

        /// <summary>Takes a frame out of the pending set; false when <see cref="Dispose"/> has disposed it.</summary>
        private bool Claim(Frame frame)
        {
            lock (_gate)
            {
                return _pending.Remove(frame);
            }
        }

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
                if (!Claim(frame))
                {
                    return;
                }

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
                    frame.Dispose();
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

    /// <summary>
    /// One subscription of <see cref="Process"/>. Rx's own operators drop what arrives once their
    /// subscription is being disposed, and a frame dropped there is a Mat nobody disposes, so from the
    /// source to the subscriber every frame goes through these stages only, each of which either hands it
    /// on or disposes it.
    /// </summary>
    private sealed class Processing(ReaderPipeline pipeline, IFrameSource source) : IObservable<ProcessedFrame>
    {
        public IDisposable Subscribe(IObserver<ProcessedFrame> observer)
        {
            ArgumentNullException.ThrowIfNull(observer);
            var ended = new EndOfRun(pipeline, source.Name, observer);
            var run = source.IsLive
                ? pipeline.SubscribeLatest(source, ended)
                : pipeline.SubscribeFrameByFrame(source, ended);
            return new CompositeDisposable(run, ended);
        }
    }

    /// <summary>Subscribes to the source on the capture scheduler and hands its frames on, counting them.</summary>
    private sealed class Captured(IFrameSource source, IScheduler capture, PipelineCounters? counters)
        : IObservable<Frame>
    {
        public IDisposable Subscribe(IObserver<Frame> observer)
        {
            var subscription = new SingleAssignmentDisposable();
            var counted = counters is null ? observer : new Counting(observer, counters);
            var scheduled = capture.Schedule(() =>
            {
                if (subscription.IsDisposed)
                {
                    return;
                }

                try
                {
                    // Disposed at once if the run was stopped while this was being subscribed.
                    subscription.Disposable = source.Frames().Subscribe(counted);
                }
                catch (FrameSourceException e)
                {
                    observer.OnError(e);
                }
            });

            // Disposed here, on the caller's thread, so a source has been released when this returns.
            return new CompositeDisposable(scheduled, subscription);
        }
    }

    /// <summary>Counts the frames a live source captures.</summary>
    private sealed class Counting(IObserver<Frame> next, PipelineCounters counters) : IObserver<Frame>
    {
        public void OnNext(Frame value)
        {
            counters.AddCaptured();
            next.OnNext(value);
        }

        public void OnError(Exception error) => next.OnError(error);

        public void OnCompleted() => next.OnCompleted();
    }

    /// <summary>Reads each live frame the latest-wins stage lets through and hands the result on.</summary>
    private sealed class Reading(ReaderPipeline pipeline, IObserver<ProcessedFrame> next, string name)
        : IObserver<Frame>
    {
        public void OnNext(Frame value) => next.OnNext(pipeline.Read(value, name));

        public void OnError(Exception error) => next.OnError(error);

        public void OnCompleted() => next.OnCompleted();
    }

    /// <summary>Passes everything on and logs the counters once, when the run ends or is disposed.</summary>
    private sealed class EndOfRun(ReaderPipeline pipeline, string name, IObserver<ProcessedFrame> next)
        : IObserver<ProcessedFrame>, IDisposable
    {
        private int _logged;

        public void OnNext(ProcessedFrame value) => next.OnNext(value);

        public void OnError(Exception error)
        {
            next.OnError(error);
            Dispose();
        }

        public void OnCompleted()
        {
            next.OnCompleted();
            Dispose();
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _logged, 1) == 0)
            {
                Log.PipelineEnded(pipeline._logger, name, pipeline.Counters);
            }
        }
    }
}
