using System.Reactive.Disposables;

namespace LiveDigits.Capture.Sources;

/// <summary>
/// Turns a cursor into a cold observable: each subscription opens the cursor on its own capture thread,
/// pushes every frame, and releases the cursor before it completes, fails, or lets go of an unsubscribe.
/// </summary>
/// <remarks>
/// The pump pushes the next frame only when the subscriber returns from the previous one, so a file is
/// read no faster than it is consumed; a live consumer that must not block the camera hands frames on
/// (latest wins) in its own stage. Unsubscribing from another thread waits for the device to be released,
/// so that a caller can reopen the same camera right after.
/// </remarks>
internal sealed class FramePump
{
    // A device driver can hang in a read; an unsubscribe waits this long for the release, then gives up
    // rather than freezing the caller (the capture thread still releases the device when the read returns).
    private static readonly TimeSpan s_releaseWait = TimeSpan.FromSeconds(5);

    private readonly string _name;
    private readonly Func<IFrameCursor> _open;
    private int _openCount;

    public FramePump(string name, Func<IFrameCursor> open)
    {
        _name = name;
        _open = open;
    }

    /// <summary>Gets how many subscriptions hold the device or file open right now.</summary>
    public int OpenCount => Volatile.Read(ref _openCount);

    // Not Observable.Create: its wrapper drops whatever is pushed once the subscription is being disposed,
    // and a frame dropped there is a Mat nobody disposes. Here the observer gets every frame pushed, and
    // owns it, even one that crosses its unsubscribe; the consumer stages dispose what they no longer want.
    public IObservable<Frame> Frames() => new Subscriptions(this);

    private sealed class Subscriptions(FramePump pump) : IObservable<Frame>
    {
        public IDisposable Subscribe(IObserver<Frame> observer)
        {
            ArgumentNullException.ThrowIfNull(observer);
            var cancellation = new CancellationTokenSource();
            var thread = new Thread(() => pump.Run(observer, cancellation.Token))
            {
                IsBackground = true,
                Name = "capture " + pump._name,
            };
            thread.Start();
            return Disposable.Create(() =>
            {
                cancellation.Cancel();

                // An observer may unsubscribe from inside OnNext (Take, TakeUntil): that is the capture
                // thread itself, which releases the device as soon as OnNext returns.
                // The token source is disposed only once its thread is known to be done with it.
                if (Thread.CurrentThread != thread && thread.Join(s_releaseWait))
                {
                    cancellation.Dispose();
                }
            });
        }
    }

    private void Run(IObserver<Frame> observer, CancellationToken token)
    {
        Exception? failure = null;
        var ended = false;
        Interlocked.Increment(ref _openCount);
        try
        {
            ended = Pump(observer, token, out failure);
        }
        finally
        {
            Interlocked.Decrement(ref _openCount);
        }

        // Completion and errors go out only after the release, so a subscriber that sees the end can
        // reopen the source at once.
        if (token.IsCancellationRequested)
        {
            return;
        }

        if (failure is not null)
        {
            observer.OnError(failure);
        }
        else if (ended)
        {
            observer.OnCompleted();
        }
    }

    private bool Pump(IObserver<Frame> observer, CancellationToken token, out Exception? failure)
    {
        failure = null;
        IFrameCursor cursor;
        try
        {
            cursor = _open();
        }
        catch (Exception e) when (e is FrameSourceException or OpenCvSharp.OpenCVException or IOException)
        {
            failure = Wrap(e);
            return false;
        }

        using (cursor)
        {
            while (!token.IsCancellationRequested)
            {
                Frame? frame;
                try
                {
                    frame = cursor.Next(token);
                }
                catch (Exception e) when (e is FrameSourceException or OpenCvSharp.OpenCVException or IOException)
                {
                    failure = Wrap(e);
                    return false;
                }

                if (frame is null)
                {
                    return true;
                }

                if (token.IsCancellationRequested)
                {
                    frame.Dispose();
                    return false;
                }

                observer.OnNext(frame);
            }
        }

        return false;
    }

    private FrameSourceException Wrap(Exception e) => e as FrameSourceException
        ?? new FrameSourceException($"{_name}: {e.Message.ReplaceLineEndings(" ")}", e);
}
