using LiveDigits.App.Benchmarking;

namespace LiveDigits.Tests.Cli;

public sealed class SpreadTests
{
    [Fact]
    public void Of_UnorderedValues_GivesMedianAndRange()
    {
        double[] values = [9, 1, 5, 3, 7];

        var spread = Spread.Of(values);

        Assert.Equal(new Spread(5, 1, 9), spread);
        Assert.Equal("5.0 [1.0..9.0]", spread.ToString("0.0"));
    }

    [Fact]
    public void Percentile_BetweenTwoValues_Interpolates()
    {
        double[] sorted = [.. Enumerable.Range(0, 101).Select(i => (double)i * 2)];

        var p99 = Spread.Percentile(sorted, 99);
        var p50 = Spread.Percentile([10.0, 20.0], 50);

        Assert.Equal(198, p99, 9);
        Assert.Equal(15, p50, 9);
    }
}
