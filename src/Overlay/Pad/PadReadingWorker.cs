using Microsoft.Extensions.Logging;
using OpenCvSharp;

namespace LiveDigits.Overlay.Pad;

/// <summary>
/// Reads canvas snapshots on its own thread, so the window thread never waits for the network and keeps
/// pumping events while a reading runs.
/// </summary>
/// <remarks>
/// Two kinds of request. A live request (sent while the user draws) is only worth its newest version: a
/// newer one replaces a waiting one, which is disposed. A final request (space pressed) is never dropped
/// and its readings come out in the order asked; finals go before a waiting live request.
/// </remarks>
public sealed class PadReadingWorker : IDisposable
{
    private readonly Func<Mat, PadReading> _read;
    private readonly ILogger _logger;
    // A plain object, not System.Threading.Lock: the worker sleeps on it with Monitor.Wait.
    private readonly object _gate = new();
    private readonly Queue<Mat> _finalRequests = new();
    private readonly Queue<PadReading> _finalReadings = new();
    private readonly Thread _thread;
    private Mat? _liveRequest;
    private long _liveGeneration;
    private PadReading? _live;
    private int _finalsInFlight;
    private bool _stopping;
    private Exception? _failure;

    /// <summary>Starts the worker thread.</summary>
    /// <param name="read">Reads one snapshot; called on the worker thread only, one call at a time.</param>
    /// <param name="logger">Receives reading failures.</param>
    public PadReadingWorker(Func<Mat, PadReading> read, ILogger logger)
    {
        _read = read ?? throw new ArgumentNullException(nameof(read));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _thread = new Thread(Work) { IsBackground = true, Name = "LiveDigits pad reader" };
        _thread.Start();
    }

    /// <summary>Gets the newest live reading since the last <see cref="ResetLive"/>, or null.</summary>
    public PadReading? Live
    {
        get
        {
            lock (_gate)
            {
                return _live;
            }
        }
    }

    /// <summary>Gets whether final readings are still waiting or running.</summary>
    public bool HasPendingFinals
    {
        get
        {
            lock (_gate)
            {
                return _finalsInFlight > 0 || _finalReadings.Count > 0;
            }
        }
    }

    /// <summary>Asks for a live reading of <paramref name="snapshot"/>, replacing any waiting live request.</summary>
    /// <param name="snapshot">A canvas copy; the worker owns and disposes it.</param>
    public void RequestLive(Mat snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Mat? dropped;
        lock (_gate)
        {
            dropped = _liveRequest;
            _liveRequest = snapshot;
            Monitor.PulseAll(_gate);
        }

        // Disposed outside the lock: the worker never needs a dropped snapshot.
        dropped?.Dispose();
    }

    /// <summary>Asks for a final reading of <paramref name="snapshot"/>; see <see cref="TryTakeFinal"/>.</summary>
    /// <param name="snapshot">A canvas copy; the worker owns and disposes it.</param>
    public void RequestFinal(Mat snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_gate)
        {
            _finalRequests.Enqueue(snapshot);
            _finalsInFlight++;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Forgets the live reading and any waiting live request (the canvas was cleared).</summary>
    public void ResetLive()
    {
        Mat? dropped;
        lock (_gate)
        {
            dropped = _liveRequest;
            _liveRequest = null;
            _live = null;

            // A live reading already running belongs to the old drawing: its generation marks it stale.
            _liveGeneration++;
        }

        dropped?.Dispose();
    }

    /// <summary>Takes the oldest finished final reading, in request order.</summary>
    /// <param name="reading">The reading, when one is ready.</param>
    /// <returns>Whether a reading was ready.</returns>
    /// <exception cref="InvalidOperationException">The reading function failed with a bug, not a bad image.</exception>
    public bool TryTakeFinal(out PadReading reading)
    {
        lock (_gate)
        {
            if (_failure is not null)
            {
                throw new InvalidOperationException("The pad's reading worker failed.", _failure);
            }

            return _finalReadings.TryDequeue(out reading!);
        }
    }

    /// <summary>Stops the thread after the request in hand, and disposes every waiting snapshot.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_stopping)
            {
                return;
            }

            _stopping = true;
            Monitor.PulseAll(_gate);
        }

        _thread.Join();
        _liveRequest?.Dispose();
        while (_finalRequests.TryDequeue(out var request))
        {
            request.Dispose();
        }
    }

    private void Work()
    {
        while (NextRequest() is var (snapshot, isFinal, generation) && snapshot is not null)
        {
            using (snapshot)
            {
                var reading = ReadSafely(snapshot);
                lock (_gate)
                {
                    if (isFinal)
                    {
                        _finalsInFlight--;
                        if (reading is not null)
                        {
                            _finalReadings.Enqueue(reading);
                        }
                    }
                    else if (generation == _liveGeneration && reading is not null)
                    {
                        _live = reading;
                    }
                }
            }
        }
    }

    private (Mat? Snapshot, bool IsFinal, long Generation) NextRequest()
    {
        lock (_gate)
        {
            while (true)
            {
                if (_stopping)
                {
                    return (null, false, 0);
                }

                if (_finalRequests.TryDequeue(out var final))
                {
                    return (final, true, 0);
                }

                if (_liveRequest is { } live)
                {
                    _liveRequest = null;
                    return (live, false, _liveGeneration);
                }

                Monitor.Wait(_gate);
            }
        }
    }

    private PadReading? ReadSafely(Mat snapshot)
    {
        try
        {
            return _read(snapshot);
        }
        catch (OpenCVException e)
        {
            // One image OpenCV refuses must not end the pad; it is logged so it is not silently lost.
            Log.PadReadFailed(_logger, e);
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Anything else is a bug: an exception escaping this thread would kill the process with a
            // stack trace, so it is handed to the window thread, which ends the pad with it.
            lock (_gate)
            {
                _failure ??= e;
            }

            return null;
        }
    }
}
