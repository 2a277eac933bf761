using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using LiveDigits.Capture;
using OpenCvSharp;

namespace LiveDigits.Tests.Capture;

/// <summary>
/// What every frame source promises (see <see cref="IFrameSource"/>). Each implementation's test class
/// inherits these tests and says how to build a source with a known number of frames.
/// </summary>
public abstract class FrameSourceContract : IDisposable
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(60);

    internal TempFolder Folder { get; } = new();

    /// <summary>How many frames the source built by <see cref="CreateSource"/> delivers.</summary>
    protected abstract int FrameCount { get; }

    protected abstract IFrameSource CreateSource();

    /// <summary>How many subscriptions hold the source's device or file open.</summary>
    protected abstract int OpenCount(IFrameSource source);

    /// <summary>
    /// Every frame the source delivers. A finite source completes by itself; a live one (a camera) is cut
    /// after <see cref="FrameCount"/> frames.
    /// </summary>
    protected virtual IObservable<Frame> AllFrames(IFrameSource source) => source.Frames();

    /// <summary>
    /// How long the device may stay open after the last frame: none for a source that completes by itself
    /// (it releases before completing); a cut live source releases right after the cutting OnNext returns.
    /// </summary>
    protected virtual TimeSpan ReleaseAfterEnd => TimeSpan.Zero;

    [Fact]
    public async Task Frames_ReadToTheEnd_CompleteWithIndexesZeroToCountInOrder()
    {
        var source = CreateSource();

        using var frames = await CollectAsync(source);

        Assert.Equal(Enumerable.Range(0, FrameCount).Select(i => (long)i), frames.Items.Select(f => f.Index));
    }

    [Fact]
    public async Task Frames_ReadToTheEnd_TimestampsNeverDecrease()
    {
        var source = CreateSource();

        using var frames = await CollectAsync(source);

        var times = frames.Items.Select(f => f.Timestamp).ToList();
        Assert.Equal(times.Order(), times);
    }

    [Fact]
    public async Task Frames_KeptAfterTheEnd_StayValidDistinctEightBitBgr()
    {
        var source = CreateSource();

        using var frames = await CollectAsync(source);

        Assert.All(frames.Items, f => Assert.False(f.Image.IsDisposed));
        Assert.All(frames.Items, f => Assert.Equal(MatType.CV_8UC3, f.Image.Type()));
        Assert.Equal(FrameCount, frames.Items.Select(f => f.Image.Data).Distinct().Count());
        Assert.NotEqual(Cv2.Mean(frames.Items[0].Image), Cv2.Mean(frames.Items[^1].Image));
    }

    [Fact]
    public async Task Frames_AfterCompletion_ReleaseTheDevice()
    {
        var source = CreateSource();

        using var frames = await CollectAsync(source);

        Assert.True(SpinWait.SpinUntil(() => OpenCount(source) == 0, ReleaseAfterEnd));
    }

    [Fact]
    public void Unsubscribe_FromAnotherThreadMidStream_ReleasesBeforeReturningAndStopsFrames()
    {
        var source = CreateSource();
        var received = new List<Frame>();
        using var first = new ManualResetEventSlim();
        var subscription = source.Frames().Subscribe(
            frame =>
            {
                lock (received)
                {
                    received.Add(frame);
                }

                first.Set();
            },
            _ => first.Set());
        Assert.True(first.Wait(s_patience));

        subscription.Dispose();
        var openAfterDispose = OpenCount(source);
        int countAfterDispose;
        lock (received)
        {
            countAfterDispose = received.Count;
        }

        Thread.Sleep(100);
        using var kept = new Disposables<Frame>(received);
        Assert.Equal(0, openAfterDispose);
        Assert.Equal(countAfterDispose, received.Count);
    }

    [Fact]
    public async Task Unsubscribe_FromInsideOnNext_ReleasesTheDevice()
    {
        var source = CreateSource();

        using var frame = await source.Frames().Take(1).ToTask().WaitAsync(s_patience);
        var released = SpinWait.SpinUntil(() => OpenCount(source) == 0, s_patience);

        Assert.Equal(0, frame.Index);
        Assert.True(released);
    }

    [Fact]
    public async Task Frames_SubscribedTwice_EachSubscriptionGetsEveryFrame()
    {
        var source = CreateSource();

        using var once = await CollectAsync(source);
        using var twice = await CollectAsync(source);

        Assert.Equal(FrameCount, once.Items.Count);
        Assert.Equal(FrameCount, twice.Items.Count);
    }

    public void Dispose()
    {
        Folder.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<Disposables<Frame>> CollectAsync(IFrameSource source)
    {
        var frames = await AllFrames(source).ToList().ToTask().WaitAsync(s_patience);
        return new Disposables<Frame>([.. frames]);
    }
}
