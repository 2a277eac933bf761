using LiveDigits.Capture.Sources;

namespace LiveDigits.Tests.Capture;

public sealed class NaturalOrderTests
{
    [Fact]
    public void Compare_NumberedNames_OrderByValueNotByCharacter()
    {
        string[] names = ["img10.png", "img2.png", "img002b.png", "Img1.png", "img02.png", "a.png"];

        var sorted = names.Order(NaturalOrder.Instance).ToArray();

        Assert.Equal(["a.png", "Img1.png", "img2.png", "img02.png", "img002b.png", "img10.png"], sorted);
    }
}
