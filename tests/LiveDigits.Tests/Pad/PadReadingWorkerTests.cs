using LiveDigits.Overlay.Pad;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;

namespace LiveDigits.Tests.Pad;

public sealed class PadReadingWorkerTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public void RequestFinal_SeveralWhileBusy_AllComeOutInOrder()
    {
        using var gate = new ManualResetEventSlim(false);
        using var worker = new PadReadingWorker(image => ReadMarker(image, gate), NullLogger.Instance);

        for (var i = 1; i <= 5; i++)
        {
            worker.RequestLive(Marker(100 + i));
            worker.RequestFinal(Marker(i));
        }

        gate.Set();
        var finals = TakeFinals(worker, 5);

        Assert.Equal(["1", "2", "3", "4", "5"], finals);
    }

    [Fact]
    public void RequestLive_SeveralWhileBusy_OnlyTheNewestIsRead()
    {
        using var gate = new ManualResetEventSlim(false);
        using var started = new SemaphoreSlim(0);
        var seen = new List<string>();
        using var worker = new PadReadingWorker(
            image =>
            {
                var reading = ReadMarker(image, gate, started);
                lock (seen)
                {
                    seen.Add(reading.Value);
                }

                return reading;
            },
            NullLogger.Instance);

        worker.RequestLive(Marker(1));
        Assert.True(started.Wait(s_timeout));
        for (var i = 2; i <= 6; i++)
        {
            worker.RequestLive(Marker(i));
        }

        gate.Set();
        WaitFor(() => worker.Live?.Value == "6");

        lock (seen)
        {
            Assert.Equal(["1", "6"], seen);
        }
    }

    [Fact]
    public void ResetLive_WhileALiveReadingRuns_DropsItsStaleResult()
    {
        using var gate = new ManualResetEventSlim(false);
        using var started = new SemaphoreSlim(0);
        using var worker = new PadReadingWorker(image => ReadMarker(image, gate, started), NullLogger.Instance);
        worker.RequestLive(Marker(7));
        Assert.True(started.Wait(s_timeout));

        worker.ResetLive();
        gate.Set();
        worker.RequestFinal(Marker(8));
        TakeFinals(worker, 1);

        Assert.Null(worker.Live);
    }

    [Fact]
    public void TryTakeFinal_ReaderThrowsABug_RaisesItOnTheCaller()
    {
        using var worker = new PadReadingWorker(_ => throw new KeyNotFoundException("bug"), NullLogger.Instance);

        worker.RequestFinal(Marker(1));

        var error = Assert.Throws<InvalidOperationException>(() =>
            WaitFor(() => worker.TryTakeFinal(out _)));
        Assert.IsType<KeyNotFoundException>(error.InnerException);
    }

    private static Mat Marker(int value) => new(1, 1, MatType.CV_8UC1, Scalar.All(value));

    private static PadReading ReadMarker(Mat image, ManualResetEventSlim gate, SemaphoreSlim? started = null)
    {
        started?.Release();
        gate.Wait(s_timeout);
        var value = image.At<byte>(0, 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new PadReading(PadReadingKind.Digit, value, 1, [], []);
    }

    private static List<string> TakeFinals(PadReadingWorker worker, int count)
    {
        var finals = new List<string>();
        WaitFor(() =>
        {
            while (worker.TryTakeFinal(out var reading))
            {
                finals.Add(reading.Value);
            }

            return finals.Count >= count;
        });
        return finals;
    }

    private static void WaitFor(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + s_timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            Thread.Sleep(5);
        }
    }
}
