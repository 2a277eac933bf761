using LiveDigits.Pipeline.Normalisation;
using LiveDigits.Pipeline.Segmentation;
using OpenCvSharp;

namespace LiveDigits.Tests.Normalisation;

public sealed class CandidateNormaliserExtensionsTests
{
    [Fact]
    public void NormaliseAll_RealCandidates_SameImagesInTheSameOrderAsOneByOne()
    {
        using var photo = Cv2.ImRead(Path.Combine(TestData.Folder, "real", "sheet_b.png"));
        using var segmentation = new DigitSegmenter().Segment(photo);
        var inks = segmentation.Candidates.Select(c => c.Ink).ToList();
        var normaliser = new DigitNormaliser();

        var all = normaliser.NormaliseAll(inks);

        try
        {
            Assert.True(inks.Count >= 10, $"only {inks.Count} candidates");
            Assert.Equal(inks.Count, all.Count);
            for (var i = 0; i < inks.Count; i++)
            {
                using var alone = normaliser.Normalise(inks[i]);
                using var differ = new Mat();
                Cv2.Compare(all[i], alone, differ, CmpTypes.NE);
                Assert.Equal(0, Cv2.CountNonZero(differ));
            }
        }
        finally
        {
            all.ForEach(image => image.Dispose());
        }
    }

    [Fact]
    public void NormaliseAll_OneEmptyInkAmongMany_ThrowsTheNormalisersError()
    {
        using var digit = SyntheticInk.Digit('3');
        using var empty = new Mat();
        var inks = new List<Mat> { digit, digit, digit, empty, digit, digit };

        var error = Assert.Throws<ArgumentException>(() => new DigitNormaliser().NormaliseAll(inks));

        Assert.Equal("ink", error.ParamName);
    }
}
