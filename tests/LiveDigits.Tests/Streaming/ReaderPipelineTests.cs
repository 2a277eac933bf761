using System.Collections.Concurrent;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using LiveDigits.Capture;
using LiveDigits.Pipeline.Reader;
using LiveDigits.Pipeline.Streaming;
using LiveDigits.Tests.Reader;
using OpenCvSharp;

namespace LiveDigits.Tests.Streaming;

public sealed class ReaderPipelineTests
{
    [Fact]
    public void Process_FileSource_DeliversEveryFrameInOrderWithoutRunningAhead()
    {
        using var reader = TinyReader();
        using var worker = new EventLoopScheduler();
        var pipeline = new ReaderPipeline(reader, worker);
        var source = new CountingSource(frameCount: 40, isLive: false);

        var indices = Run(pipeline, source);

        Assert.Equal(Enumerable.Range(0, 40).Select(i => (long)i), indices);
        Assert.Equal(40, pipeline.Counters.Captured);
        Assert.Equal(40, pipeline.Counters.Classified);
        Assert.Equal(0, pipeline.Counters.Dropped);
        Assert.InRange(source.MaxAhead, 1, ReaderPipeline.ReadAhead + 1);
        Assert.All(source.Images, image => Assert.True(image.IsDisposed));
    }

    [Fact]
    public void Process_LiveSourceFasterThanTheReader_DropsStaleFramesButDeliversTheLast()
    {
        using var reader = TinyReader();
        using var worker = new EventLoopScheduler();
        var pipeline = new ReaderPipeline(reader, worker);
        var source = new CountingSource(frameCount: 300, isLive: true);

        var indices = Run(pipeline, source);

        Assert.True(pipeline.Counters.Dropped > 0, pipeline.Counters.ToString());
        Assert.Equal(300, pipeline.Counters.Dropped + pipeline.Counters.Classified);
        Assert.Equal(indices.Count, pipeline.Counters.Classified);
        Assert.Equal(299, indices[^1]);
        Assert.Equal(indices.Order(), indices);
        Assert.All(source.Images, image => Assert.True(image.IsDisposed));
    }

    [Fact]
    public void Process_FileSource_ReadsOnTheWorkerThreadOnly()
    {
        using var reader = TinyReader();
        using var worker = new EventLoopScheduler();
        var workerThread = Observable.Start(() => Environment.CurrentManagedThreadId, worker).Wait();
        var pipeline = new ReaderPipeline(reader, worker);
        var threads = new ConcurrentBag<int>();

        pipeline.Process(new CountingSource(5, isLive: false))
            .Do(p => threads.Add(Environment.CurrentManagedThreadId))
            .Do(p => p.Dispose())
            .Wait();

        Assert.Equal([workerThread], threads.Distinct().ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Process_OwnerStopsWhileTheSourceIsStillPushing_NothingThrowsOnTheCaptureThread(bool isLive)
    {
        using var reader = TinyReader();
        Exception? failure = null;

        // What a run does when it stops (unsubscribe, then dispose its worker) while the capture thread is
        // between taking a slot and handing its frame over. The window is narrow, so it is tried many times.
        for (var attempt = 0; attempt < 100 && failure is null; attempt++)
        {
            var worker = new EventLoopScheduler();
            var source = new HeldSource(isLive);
            var subscription = new ReaderPipeline(reader, worker, capture: ImmediateScheduler.Instance)
                .Process(source)
                .Subscribe(p => p.Dispose(), _ => { });
            using var pushing = new SemaphoreSlim(0);
            using var stop = new CancellationTokenSource();
            var pusher = Task.Run(() => Record.Exception(() => Push(source.Observer!, pushing, stop.Token)));
            await pushing.WaitAsync();

            subscription.Dispose();
            worker.Dispose();
            await stop.CancelAsync();
            failure = await pusher;
        }

        Assert.Null(failure);
    }

    private static void Push(IObserver<Frame> observer, SemaphoreSlim pushing, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            observer.OnNext(new Frame(i, TimeSpan.Zero, new Mat(8, 8, MatType.CV_8UC3, Scalar.All(255))));
            pushing.Release();
        }

        observer.OnCompleted();
    }

    private static DigitReader TinyReader() =>
        new(new DigitReaderOptions { ModelPath = TestData.FixtureModel("tiny-11.onnx") });

    private static List<long> Run(ReaderPipeline pipeline, IFrameSource source)
    {
        var indices = new List<long>();
        pipeline.Process(source)
            .Do(p =>
            {
                indices.Add(p.Frame.Index);
                p.Dispose();
            })
            .Wait();
        return indices;
    }

    /// <summary>Holds its observer, so that a test decides when it ends.</summary>
    private sealed class HeldSource(bool isLive) : IFrameSource
    {
        public string Name => "held source";

        public bool IsLive => isLive;

        public IObserver<Frame>? Observer { get; private set; }

        public IObservable<Frame> Frames() => Observable.Create<Frame>(observer =>
        {
            Observer = observer;
            return () => { };
        });
    }

    /// <summary>Pushes generated frames as fast as it can, noting how far it gets ahead of the consumer.</summary>
    private sealed class CountingSource(int frameCount, bool isLive) : IFrameSource
    {
        private int _pushed;

        public string Name => "counting source";

        public bool IsLive => isLive;

        public ConcurrentQueue<Mat> Images { get; } = new();

        public int MaxAhead { get; private set; }

        public IObservable<Frame> Frames() => Observable.Create<Frame>(observer =>
        {
            for (var i = 0; i < frameCount; i++)
            {
                var image = SyntheticSheet.Page(160, 120, [("12", new Point(20, 80))], scale: 1.2);
                Images.Enqueue(image);
                _pushed++;
                MaxAhead = Math.Max(MaxAhead, _pushed - Images.Count(m => m.IsDisposed));
                observer.OnNext(new Frame(i, TimeSpan.FromMilliseconds(i * 33), image));
            }

            observer.OnCompleted();
            return () => { };
        });
    }
}
