using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace LiveDigits.Pipeline.Streaming;

/// <summary>
/// Delivers items on a scheduler keeping only the newest one waiting: while the consumer is busy, each
/// new item replaces the waiting one, and the replaced item goes to a drop callback (which disposes it).
/// </summary>
/// <remarks>
/// Rx.NET has no such operator (<c>ObserveOn</c> queues without bound, <c>Sample</c> needs a clock).
/// The drop callback runs outside the lock, as in System.Threading.Channels, so it may be slow or throw
/// without blocking the producer's bookkeeping. Completion and errors are delivered after the waiting
/// item. When the subscription is disposed the waiting item is dropped too, so nothing leaks.
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class LatestOnObservable<T>(IObservable<T> source, IScheduler scheduler, Action<T> onDrop)
    : IObservable<T>
    where T : class
{
    public IDisposable Subscribe(IObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var sink = new Sink(observer, scheduler, onDrop);
        sink.Upstream.Disposable = source.Subscribe(sink);
        return sink;
    }

    private sealed class Sink(IObserver<T> downstream, IScheduler scheduler, Action<T> onDrop)
        : IObserver<T>, IDisposable
    {
        private readonly Lock _gate = new();
        private T? _waiting;
        private bool _draining;
        private bool _done;
        private Exception? _error;
        private bool _disposed;

        public SingleAssignmentDisposable Upstream { get; } = new();

        public void OnNext(T value)
        {
            T? replaced;
            bool start;
            lock (_gate)
            {
                if (_disposed || _done)
                {
                    replaced = value;
                    start = false;
                }
                else
                {
                    replaced = _waiting;
                    _waiting = value;
                    start = !_draining;
                    _draining = true;
                }
            }

            if (replaced is not null)
            {
                onDrop(replaced);
            }

            if (start)
            {
                StartDrain();
            }
        }

        public void OnError(Exception error) => Finish(error);

        public void OnCompleted() => Finish(null);

        public void Dispose()
        {
            T? waiting;
            lock (_gate)
            {
                _disposed = true;
                waiting = _waiting;
                _waiting = null;
            }

            Upstream.Dispose();
            if (waiting is not null)
            {
                onDrop(waiting);
            }
        }

        private void Finish(Exception? error)
        {
            bool start;
            lock (_gate)
            {
                if (_done || _disposed)
                {
                    return;
                }

                _done = true;
                _error = error;
                start = !_draining;
                _draining = true;
            }

            if (start)
            {
                StartDrain();
            }
        }

        private void StartDrain()
        {
            try
            {
                scheduler.Schedule(Drain);
            }
            catch (ObjectDisposedException)
            {
                // The owner disposed the scheduler right after unsubscribing, while this push was on its way;
                // nobody will drain, so the waiting item is dropped (and disposed) here instead of leaking.
                T? waiting;
                lock (_gate)
                {
                    waiting = _waiting;
                    _waiting = null;
                }

                if (waiting is not null)
                {
                    onDrop(waiting);
                }
            }
        }

        private void Drain()
        {
            // One drain runs at a time: it delivers whatever is waiting and stops only when nothing is,
            // so the consumer, once free, always gets the newest item.
            while (true)
            {
                T? next;
                lock (_gate)
                {
                    if (_disposed)
                    {
                        _draining = false;
                        return;
                    }

                    next = _waiting;
                    _waiting = null;
                    if (next is null)
                    {
                        _draining = false;
                        if (!_done)
                        {
                            return;
                        }
                    }
                }

                if (next is null)
                {
                    Deliver();
                    return;
                }

                downstream.OnNext(next);
            }
        }

        private void Deliver()
        {
            if (_error is null)
            {
                downstream.OnCompleted();
            }
            else
            {
                downstream.OnError(_error);
            }
        }
    }
}
