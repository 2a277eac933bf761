using LiveDigits.Pipeline.Tracking;
using OpenCvSharp;

namespace LiveDigits.Tests.Tracking;

public sealed class DigitTrackerTests
{
    private static readonly TrackerOptions s_live = new() { ConfirmFirstFrameAtOnce = false };

    [Fact]
    public void Update_DigitMovingSlowly_KeepsItsIdentity()
    {
        var tracker = new DigitTracker(s_live);
        var ids = new List<long>();

        for (var frame = 0; frame < 10; frame++)
        {
            var result = tracker.Update([Seen(new Rect(100 + (frame * 4), 50, 20, 30), digit: 3)]);
            ids.Add(result[0].Id);
        }

        Assert.Single(ids.Distinct());
    }

    [Fact]
    public void Update_TwoDigitsSwappingOrderInTheList_KeepTheirOwnIdentities()
    {
        var tracker = new DigitTracker(s_live);
        var left = new Rect(100, 50, 20, 30);
        var right = new Rect(140, 50, 20, 30);
        var first = tracker.Update([Seen(left, 1), Seen(right, 2)]);

        var second = tracker.Update([Seen(right, 2), Seen(left, 1)]);

        Assert.Equal(first[0].Id, second[1].Id);
        Assert.Equal(first[1].Id, second[0].Id);
    }

    [Fact]
    public void Update_NewTrackInLiveMode_IsConfirmedOnlyOnItsSecondFrame()
    {
        var tracker = new DigitTracker(s_live);
        var box = new Rect(10, 10, 20, 30);

        var first = tracker.Update([Seen(box, 4)]);
        var second = tracker.Update([Seen(box, 4)]);

        Assert.False(first[0].Confirmed);
        Assert.True(second[0].Confirmed);
    }

    [Fact]
    public void Update_FirstFrameWithConfirmAtOnce_IsConfirmedButLaterNewcomersWait()
    {
        var tracker = new DigitTracker(new TrackerOptions { ConfirmFirstFrameAtOnce = true });

        var first = tracker.Update([Seen(new Rect(10, 10, 20, 30), 4)]);
        var second = tracker.Update([Seen(new Rect(10, 10, 20, 30), 4), Seen(new Rect(200, 10, 20, 30), 5)]);

        Assert.True(first[0].Confirmed);
        Assert.True(second[0].Confirmed);
        Assert.False(second[1].Confirmed);
    }

    [Fact]
    public void Update_OneFrameMisread_KeepsTheVotedDigit()
    {
        var tracker = new DigitTracker(s_live);
        var box = new Rect(10, 10, 20, 30);
        for (var frame = 0; frame < 5; frame++)
        {
            tracker.Update([Seen(box, 7, 0.9f)]);
        }

        var misread = tracker.Update([Seen(box, 1, 0.95f)]);

        Assert.Equal(7, misread[0].Digit);
        Assert.InRange(misread[0].Confidence, 0.7, 0.8);
    }

    [Fact]
    public void Update_DigitEnteringTheView_WholeViewsOutweighTheRefusedPartialOnes()
    {
        var tracker = new DigitTracker(s_live);
        float[] notDigit = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
        for (var frame = 0; frame < 4; frame++)
        {
            // A quarter of the digit in view, refused.
            tracker.Update([new DigitObservation(new Rect(10, 0, 20, 10), notDigit)]);
        }

        tracker.Update([Seen(new Rect(10, 0, 20, 40), 7, 1f)]);
        var whole = tracker.Update([Seen(new Rect(10, 0, 20, 40), 7, 1f)]);

        // Weights 4 x 0.25 against 2 x 1: the 7 has 2 of 3 (with equal weights it would have 2 of 6 and lose).
        Assert.Equal(7, whole[0].Winner);
        Assert.Equal(2.0 / 3, whole[0].Confidence, 6);
    }

    [Fact]
    public void Update_TrackGoneLongerThanAllowed_EndsAndComesBackWithANewIdentity()
    {
        var tracker = new DigitTracker(s_live with { MaxMissedFrames = 2 });
        var box = new Rect(10, 10, 20, 30);
        var before = tracker.Update([Seen(box, 2)])[0].Id;
        tracker.Update([]);
        var afterShortGap = tracker.Update([Seen(box, 2)])[0].Id;
        for (var frame = 0; frame < 3; frame++)
        {
            tracker.Update([]);
        }

        var afterLongGap = tracker.Update([Seen(box, 2)])[0].Id;

        Assert.Equal(before, afterShortGap);
        Assert.NotEqual(before, afterLongGap);
        Assert.Equal(1, tracker.TrackCount);
    }

    [Fact]
    public void Update_NotDigitWinsTheVote_ReportsWinnerTen()
    {
        var tracker = new DigitTracker(s_live);
        float[] notDigit = [0.05f, 0, 0, 0, 0, 0, 0, 0, 0, 0.05f, 0.9f];

        var result = tracker.Update([new DigitObservation(new Rect(0, 0, 10, 10), notDigit)]);

        Assert.Equal(10, result[0].Winner);
        Assert.Equal(0, result[0].Digit);
    }

    [Theory]
    [InlineData(0, 0, 10, 10, 0, 0, 10, 10, 1.0)]
    [InlineData(0, 0, 10, 10, 5, 0, 10, 10, 1.0 / 3)]
    [InlineData(0, 0, 10, 10, 20, 20, 10, 10, 0.0)]
    public void IntersectionOverUnion_Boxes_GivesTheRatio(
        int ax, int ay, int aw, int ah, int bx, int by, int bw, int bh, double expected)
    {
        var iou = DigitTracker.IntersectionOverUnion(new Rect(ax, ay, aw, ah), new Rect(bx, by, bw, bh));

        Assert.Equal(expected, iou, 6);
    }

    private static DigitObservation Seen(Rect box, int digit, float confidence = 0.9f)
    {
        var probabilities = new float[11];
        probabilities[digit] = confidence;
        probabilities[(digit + 1) % 10] = 1 - confidence;
        return new DigitObservation(box, probabilities);
    }
}
