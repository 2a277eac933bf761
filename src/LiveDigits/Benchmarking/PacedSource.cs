using System.Diagnostics;
using System.Reactive.Linq;
using LiveDigits.Capture;
using OpenCvSharp;

namespace LiveDigits.App.Benchmarking;

/// <summary>
/// A live source that plays frames held in memory at a fixed rate, like a camera: each frame is a new
/// copy stamped with the moment it was pushed, and the rate does not slow down for the consumer.
/// </summary>
/// <remarks>
/// The timestamps are read from the <see cref="Stopwatch"/> given, so a consumer reading the same clock
/// gets the time from capture to its result. The frames loop when more are asked for than are held.
/// </remarks>
internal sealed class PacedSource(IReadOnlyList<Mat> frames, double fps, int count, Stopwatch clock) : IFrameSource
{
    /// <inheritdoc/>
    public string Name => string.Create(
        System.Globalization.CultureInfo.InvariantCulture, $"paced clip at {fps:0.#} fps");

    /// <inheritdoc/>
    public bool IsLive => true;

    /// <inheritdoc/>
    public IObservable<Frame> Frames() => Observable.Create<Frame>((observer, cancel) => Task.Factory.StartNew(
        () => Play(observer, cancel),
        cancel,
        TaskCreationOptions.LongRunning,
        TaskScheduler.Default));

    private void Play(IObserver<Frame> observer, CancellationToken cancel)
    {
        var period = TimeSpan.FromSeconds(1 / fps);
        var start = clock.Elapsed;
        for (var i = 0; i < count && !cancel.IsCancellationRequested; i++)
        {
            WaitUntil(start + (period * i), cancel);
            var image = frames[i % frames.Count].Clone();
            observer.OnNext(new Frame(i, clock.Elapsed, image));
        }

        // Observable.Create completes the sequence when this task returns.
    }

    private void WaitUntil(TimeSpan due, CancellationToken cancel)
    {
        // Sleep is coarse (about a millisecond on Linux, up to 15 on Windows): sleep most of the wait, then
        // yield until the moment, so frames leave within a fraction of a millisecond of their due time.
        while (!cancel.IsCancellationRequested)
        {
            var left = due - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            if (left > TimeSpan.FromMilliseconds(2))
            {
                Thread.Sleep(left - TimeSpan.FromMilliseconds(1));
            }
            else
            {
                Thread.Yield();
            }
        }
    }
}
