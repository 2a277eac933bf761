using LiveDigits.Pipeline.Normalisation;
using OpenCvSharp;

namespace LiveDigits.Tests.Normalisation;

public sealed class InkImagesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void CentreOfMass_GreyImage_EqualsOpenCvMoments(int seed)
    {
        using var image = new Mat(28, 28, MatType.CV_8UC1, Scalar.All(0));
        var random = new Random(seed);
        for (var i = 0; i < 6; i++)
        {
            var (from, to) = (new Point(random.Next(28), random.Next(28)), new Point(random.Next(28), random.Next(28)));
            image.Line(from, to, Scalar.All(random.Next(256)), 2);
        }

        using var blurred = new Mat();
        Cv2.GaussianBlur(image, blurred, new Size(3, 3), 0);

        var centre = InkImages.CentreOfMass(blurred);

        var moments = Cv2.Moments(blurred);
        Assert.Equal(moments.M10 / moments.M00, centre.X, 9);
        Assert.Equal(moments.M01 / moments.M00, centre.Y, 9);
    }

    [Fact]
    public void CentreOfMass_BlackImage_IsTheImageCentre()
    {
        using var image = new Mat(28, 20, MatType.CV_8UC1, Scalar.All(0));

        var centre = InkImages.CentreOfMass(image);

        Assert.Equal(new Point2d(9.5, 13.5), centre);
    }

    [Fact]
    public void CentreOfMass_RegionOfALargerImage_UsesOnlyTheRegion()
    {
        using var large = new Mat(40, 40, MatType.CV_8UC1, Scalar.All(0));
        large.Rectangle(new Rect(0, 0, 40, 5), Scalar.All(255), -1);
        large.Rectangle(new Rect(20, 20, 2, 2), Scalar.All(255), -1);
        using var region = new Mat(large, new Rect(10, 10, 28, 28));

        var centre = InkImages.CentreOfMass(region);

        Assert.Equal(10.5, centre.X, 9);
        Assert.Equal(10.5, centre.Y, 9);
    }
}
