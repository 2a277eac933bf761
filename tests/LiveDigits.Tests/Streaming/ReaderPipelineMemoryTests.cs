using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reactive.Concurrency;
using LiveDigits.Capture;
using LiveDigits.Capture.Sources;
using LiveDigits.Pipeline.Reader;
using LiveDigits.Pipeline.Streaming;
using LiveDigits.Tests.Reader;
using OpenCvSharp;

namespace LiveDigits.Tests.Streaming;

/// <summary>
/// Issue 8's 10,000 frames through the whole pipeline (capture thread, hand-off or latest-wins, reader,
/// subscriber), the way a run drives it: every frame's Mat is counted when it is made and when it is
/// disposed, whether it was read, dropped as stale, or still on its way when the run was stopped.
/// </summary>
[Collection(MemoryMeasurements.Name)]
public sealed class ReaderPipelineMemoryTests
{
    private const int RunFrames = 1_000;
    private const int Runs = 10;

    // Stopped runs end after this many frames reached the subscriber, while the source is still pushing.
    private const int StopAfter = 20;

    private static readonly TimeSpan CameraPeriod = TimeSpan.FromMicroseconds(250);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Process_TenThousandFrames_EveryFrameMatDisposedAndMemoryFlatAfterWarmUp(bool isLive)
    {
        using var reader = new DigitReader(new DigitReaderOptions
        {
            ModelPath = TestData.FixtureModel("tiny-11.onnx"),
            TrackAcrossFrames = isLive,
        });
        using var page = SyntheticSheet.Page(160, 120, [("12", new Point(20, 80))], scale: 1.2);
        var tracker = new FrameMatTracker();

        // Warm-up: the network's buffers, OpenCV's allocator, JIT and the thread pool settle here.
        for (var run = 0; run < 3; run++)
        {
            RunToTheEnd(reader, page, tracker, isLive);
            StopMidStream(reader, page, tracker, isLive, drainWorker: run % 2 == 0);
        }

        var nativeBefore = NativeMemory();
        var heapBefore = ManagedHeap();
        var createdBefore = tracker.Created;

        var read = 0L;
        var dropped = 0L;
        for (var run = 0; run < Runs; run++)
        {
            var counters = RunToTheEnd(reader, page, tracker, isLive);
            read += counters.Classified;
            dropped += counters.Dropped;
            StopMidStream(reader, page, tracker, isLive, drainWorker: run % 2 == 0);
        }

        var nativeGrowth = NativeMemory() - nativeBefore;
        var heapGrowth = ManagedHeap() - heapBefore;

        Assert.True(tracker.Created - createdBefore >= Runs * RunFrames, $"{tracker.Created} frames made");
        Assert.Equal(0, tracker.Undisposed);
        if (isLive)
        {
            Assert.True(dropped > 0, $"read {read}, dropped {dropped}: the source was not faster than the reader");
        }
        else
        {
            Assert.Equal(Runs * RunFrames, read);
            Assert.Equal(0, dropped);
        }

        // One leaked 160x120 frame per frame read would be 57 KB each, 10,000 x 57 KB = 560 MB natively; a
        // leaked frame object with its readings a few hundred bytes each, several MB of managed heap.
        Assert.True(nativeGrowth < 24L << 20, $"native memory grew by {nativeGrowth >> 20} MB");
        Assert.True(heapGrowth < 1L << 20, $"managed heap grew by {heapGrowth >> 10} KB");
    }

    /// <summary>Runs a source of <see cref="RunFrames"/> frames to its end, checking every frame came back.</summary>
    private static PipelineCounters RunToTheEnd(DigitReader reader, Mat page, FrameMatTracker tracker, bool isLive)
    {
        using var worker = new EventLoopScheduler();
        var pipeline = new ReaderPipeline(reader, worker);
        using var source = new TrackedSource(page, tracker, RunFrames, isLive);
        using var ended = new ManualResetEventSlim();
        Exception? failure = null;
        var previous = -1L;
        var outOfOrder = 0;
        using (pipeline.Process(source).Subscribe(
            p =>
            {
                using (p)
                {
                    // A file's frames come one after another; a camera's in order with the stale ones missing.
                    var expected = isLive ? p.Frame.Index > previous : p.Frame.Index == previous + 1;
                    outOfOrder += expected ? 0 : 1;
                    previous = p.Frame.Index;
                }
            },
            e =>
            {
                failure = e;
                ended.Set();
            },
            ended.Set))
        {
            Assert.True(ended.Wait(TimeSpan.FromMinutes(2)), "the run did not end");
        }

        source.Released.Wait(TimeSpan.FromSeconds(10));
        Assert.Null(failure);
        Assert.Equal(0, outOfOrder);
        Assert.Equal(RunFrames - 1, previous);
        Assert.Equal(RunFrames, pipeline.Counters.Captured);
        Assert.Equal(RunFrames, pipeline.Counters.Classified + pipeline.Counters.Dropped);
        Assert.Equal(0, tracker.Undisposed);
        return pipeline.Counters;
    }

    /// <summary>
    /// Stops a run while frames are being captured, waiting on the worker and being read: as <c>ReadingRun</c>
    /// does (unsubscribe, let the worker finish what it holds, dispose it), or disposing the worker at once,
    /// which drops what was queued on it unrun.
    /// </summary>
    private static void StopMidStream(
        DigitReader reader, Mat page, FrameMatTracker tracker, bool isLive, bool drainWorker)
    {
        var worker = new EventLoopScheduler();
        using var source = new TrackedSource(page, tracker, int.MaxValue, isLive);
        using var enough = new ManualResetEventSlim();
        var received = 0;
        var subscription = new ReaderPipeline(reader, worker).Process(source).Subscribe(p =>
        {
            using (p)
            {
                if (Interlocked.Increment(ref received) == StopAfter)
                {
                    enough.Set();
                }
            }
        });
        Assert.True(enough.Wait(TimeSpan.FromMinutes(1)), "no frames arrived");

        subscription.Dispose();
        if (drainWorker)
        {
            using var drained = new ManualResetEventSlim();
            worker.Schedule(drained.Set);
            drained.Wait(TimeSpan.FromSeconds(10));
        }

        worker.Dispose();
        Assert.True(source.Released.Wait(TimeSpan.FromSeconds(10)), "the source was not released");

        // Undrained, the frame the worker is reading is disposed when its read ends, a moment later.
        SpinWait.SpinUntil(() => tracker.Undisposed == 0, TimeSpan.FromSeconds(10));
        Assert.Equal(0, tracker.Undisposed);
    }

    /// <summary>The working set less what the managed heap has committed: roughly what OpenCV holds.</summary>
    private static long NativeMemory()
    {
        FullCollection();
        return Environment.WorkingSet - GC.GetGCMemoryInfo().TotalCommittedBytes;
    }

    private static long ManagedHeap()
    {
        FullCollection();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static void FullCollection()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>Counts the frame Mats made and keeps only those not yet disposed, so it stays small.</summary>
    private sealed class FrameMatTracker
    {
        private readonly ConcurrentDictionary<Mat, byte> _undisposed = new(ReferenceEqualityComparer.Instance);
        private long _created;

        public long Created => Interlocked.Read(ref _created);

        public int Undisposed => _undisposed.Count;

        public TrackedMat CopyOf(Mat page)
        {
            var image = new TrackedMat(this, page.Rows, page.Cols, page.Type());
            page.CopyTo(image);
            Interlocked.Increment(ref _created);
            _undisposed.TryAdd(image, 0);
            return image;
        }

        public void Disposed(Mat image) => _undisposed.TryRemove(image, out _);
    }

    /// <summary>A Mat that tells its tracker when it is disposed by its owner (not by the finalizer).</summary>
    private sealed class TrackedMat(FrameMatTracker tracker, int rows, int cols, MatType type)
        : Mat(rows, cols, type)
    {
        protected override void DisposeManaged()
        {
            tracker.Disposed(this);
            base.DisposeManaged();
        }
    }

    /// <summary>
    /// Frames through the real capture pump, as fast as the consumer takes them: a file source waits for
    /// the reader, a live one never does, so most of its frames go stale.
    /// </summary>
    private sealed class TrackedSource(Mat page, FrameMatTracker tracker, int frameCount, bool isLive)
        : IFrameSource, IDisposable
    {
        private int _pushed;

        public string Name => isLive ? "tracked camera" : "tracked file";

        public bool IsLive => isLive;

        public int Pushed => Volatile.Read(ref _pushed);

        /// <summary>Gets set when the pump has released its cursor: nothing more is captured.</summary>
        public ManualResetEventSlim Released { get; } = new();

        public IObservable<Frame> Frames() => new FramePump(Name, () => new Cursor(this)).Frames();

        public void Dispose() => Released.Dispose();

        private sealed class Cursor(TrackedSource owner) : IFrameCursor
        {
            private readonly Stopwatch _clock = Stopwatch.StartNew();
            private int _next;

            public Frame? Next(CancellationToken cancellation)
            {
                if (owner._pushed == owner.Count)
                {
                    return null;
                }

                // A camera at 4,000 fps: several frames arrive while the reader reads one (about a millisecond
                // here), yet enough are read that reading, dropping and stopping all happen many times.
                var due = TimeSpan.FromTicks(_next++ * CameraPeriod.Ticks);
                while (owner.IsLive && _clock.Elapsed < due && !cancellation.IsCancellationRequested)
                {
                    Thread.SpinWait(50);
                }

                var index = Interlocked.Increment(ref owner._pushed) - 1;
                return new Frame(index, TimeSpan.FromMilliseconds(index * 33), owner.Tracker.CopyOf(owner.Page));
            }

            public void Dispose() => owner.Released.Set();
        }

        private int Count => frameCount;

        private FrameMatTracker Tracker => tracker;

        private Mat Page => page;
    }
}
