using LiveDigits.Pipeline.Classification;
using OpenCvSharp;

namespace LiveDigits.Tests.Classification;

public sealed class ModelInputTests
{
    [Fact]
    public void BytesToUnit_EveryByteValue_EqualsOpenCvConvertTo()
    {
        // 261 values: every byte once, then a tail shorter than any vector width.
        var pixels = Enumerable.Range(0, 261).Select(v => (byte)(v % 256)).ToArray();
        using var bytes = Mat.FromPixelData(1, pixels.Length, MatType.CV_8UC1, pixels);
        using var converted = new Mat();
        bytes.ConvertTo(converted, MatType.CV_32FC1, 1.0 / 255);
        var expected = converted.AsSpan<float>().ToArray();
        var actual = new float[pixels.Length];

        ModelInput.BytesToUnit(pixels, actual);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Fill_RegionOfALargerImage_ReadsTheRegionNotItsParentRows()
    {
        using var page = new Mat(40, 40, MatType.CV_8UC1, Scalar.All(0));
        page.Rectangle(new Rect(5, 5, 28, 28), Scalar.All(255), -1);
        using var region = new Mat(page, new Rect(5, 5, 28, 28));
        var target = new float[28 * 28];

        ModelInput.Fill(region, 0, target);

        Assert.All(target, v => Assert.Equal(1f, v));
    }
}
