using LiveDigits.Pipeline.Segmentation;
using OpenCvSharp;

namespace LiveDigits.Tests.Segmentation;

public sealed class CandidateCapTests
{
    private static readonly Rect[] s_boxes =
    [
        new(0, 0, 9, 10),
        new(20, 0, 5, 30),
        new(40, 0, 30, 20),
        new(80, 0, 8, 30),
        new(100, 0, 6, 25),
    ];

    [Fact]
    public void Kept_MoreThanTheCap_TheTallest()
    {
        var kept = CandidateCap.Kept(s_boxes, 3);

        Assert.Equal([false, true, false, true, true], kept);
    }

    [Fact]
    public void Kept_TwoAsTallAndRoomForOne_TheWider()
    {
        var kept = CandidateCap.Kept(s_boxes, 1);

        Assert.Equal([false, false, false, true, false], kept);
    }

    [Fact]
    public void Kept_TwoEqualAndRoomForOne_TheFirstInTheFrame()
    {
        Rect[] boxes = [new(50, 0, 10, 20), new(0, 0, 10, 20)];

        var kept = CandidateCap.Kept(boxes, 1);

        Assert.Equal([true, false], kept);
    }

    [Fact]
    public void Kept_NoMoreThanTheCap_All()
    {
        var kept = CandidateCap.Kept(s_boxes, 5);

        Assert.Equal([true, true, true, true, true], kept);
    }
}
