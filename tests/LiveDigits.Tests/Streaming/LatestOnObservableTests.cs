using System.Reactive.Concurrency;
using System.Reactive.Linq;
using LiveDigits.Pipeline.Streaming;

namespace LiveDigits.Tests.Streaming;

public sealed class LatestOnObservableTests
{
    [Fact]
    public void Subscribe_BurstWhileWorkerBusy_DeliversOnlyTheNewestAndDropsTheRest()
    {
        var scheduler = new HistoricalScheduler();
        var dropped = new List<Box>();
        var received = new List<int>();
        var completed = false;
        var source = Burst(scheduler, (0, [1, 2, 3, 4, 5]), (10, [6]), (20, [7, 8]));

        using var subscription = new LatestOnObservable<Box>(source, scheduler, dropped.Add)
            .Subscribe(b => received.Add(b.Value), e => Assert.Fail(e.Message), () => completed = true);
        scheduler.AdvanceBy(TimeSpan.FromTicks(100));

        Assert.Equal([5, 6, 8], received);
        Assert.Equal([1, 2, 3, 4, 7], dropped.Select(b => b.Value));
        Assert.True(completed);
    }

    [Fact]
    public void Dispose_WithAnItemWaiting_DropsTheWaitingItem()
    {
        var scheduler = new HistoricalScheduler();
        var dropped = new List<Box>();
        var received = new List<int>();
        var source = Observable.Create<Box>(o =>
        {
            o.OnNext(new Box(1));
            return () => { };
        });
        var subscription = new LatestOnObservable<Box>(source, scheduler, dropped.Add)
            .Subscribe(b => received.Add(b.Value), e => Assert.Fail(e.Message));

        subscription.Dispose();
        scheduler.AdvanceBy(TimeSpan.FromTicks(100));

        Assert.Empty(received);
        Assert.Equal([1], dropped.Select(b => b.Value));
    }

    [Fact]
    public void Subscribe_ErrorAfterAnItem_DeliversTheItemThenTheError()
    {
        var scheduler = new HistoricalScheduler();
        var received = new List<int>();
        Exception? error = null;
        var source = Observable.Create<Box>(o =>
        {
            o.OnNext(new Box(1));
            o.OnError(new InvalidOperationException("camera unplugged"));
            return () => { };
        });

        using var subscription = new LatestOnObservable<Box>(source, scheduler, _ => { })
            .Subscribe(b => received.Add(b.Value), e => error = e);
        scheduler.AdvanceBy(TimeSpan.FromTicks(1));

        Assert.Equal([1], received);
        Assert.Equal("camera unplugged", error?.Message);
    }

    private static IObservable<Box> Burst(IScheduler scheduler, params (long Ticks, int[] Values)[] bursts) =>
        Observable.Create<Box>(o =>
        {
            var last = bursts.Max(b => b.Ticks);
            var handles = bursts.Select(b => scheduler.Schedule(TimeSpan.FromTicks(b.Ticks), () =>
            {
                foreach (var value in b.Values)
                {
                    o.OnNext(new Box(value));
                }

                if (b.Ticks == last)
                {
                    o.OnCompleted();
                }
            })).ToList();
            return () => handles.ForEach(h => h.Dispose());
        });

    internal sealed record Box(int Value);
}
