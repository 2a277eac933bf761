using LiveDigits.Pipeline.Scoring;
using OpenCvSharp;

namespace LiveDigits.Tests.Scoring;

public sealed class BoxMatcherTests
{
    [Fact]
    public void Match_BigBoxAroundASmallOneOffCentre_DoesNotMatch()
    {
        var small = new Rect(0, 0, 10, 10);
        var big = new Rect(0, 0, 100, 100);

        var matched = BoxMatcher.Match(small, big);

        // The small box's centre is inside the big one, but the big one's centre (50,50) is not inside it.
        Assert.False(matched);
    }

    [Fact]
    public void Pair_OnePredictionBetweenTwoDigits_GoesToTheNearerAndLeavesTheOther()
    {
        Rect[] truth = [new(0, 0, 20, 20), new(12, 0, 20, 20)];
        Rect[] predicted = [new(10, 0, 20, 20)];

        var pairing = BoxMatcher.Pair(truth, predicted);

        Assert.Equal([-1, 0], pairing);
    }

    [Fact]
    public void Pair_TwoPredictionsOnOneDigit_UsesOnlyOne()
    {
        Rect[] truth = [new(0, 0, 20, 20)];
        Rect[] predicted = [new(3, 0, 20, 20), new(1, 0, 20, 20)];

        var pairing = BoxMatcher.Pair(truth, predicted);

        Assert.Equal([1], pairing);
    }
}
