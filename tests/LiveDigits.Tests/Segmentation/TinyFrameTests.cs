using LiveDigits.Pipeline.Segmentation;
using OpenCvSharp;

namespace LiveDigits.Tests.Segmentation;

public sealed class TinyFrameTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 300)]
    [InlineData(300, 7)]
    public void Segment_FrameSmallerThanADigit_FindsNothingAndKeepsTheFrameSize(int width, int height)
    {
        var segmenter = new DigitSegmenter();
        using var frame = new Mat(height, width, MatType.CV_8UC3, Scalar.All(30));

        using var segmentation = segmenter.Segment(frame);

        Assert.Empty(segmentation.Candidates);
        Assert.Equal(new Size(width, height), segmentation.Binary.Size());
    }
}
