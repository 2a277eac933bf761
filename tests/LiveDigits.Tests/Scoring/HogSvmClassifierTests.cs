using LiveDigits.Capture.Mnist;
using LiveDigits.Pipeline.Baselines;

namespace LiveDigits.Tests.Scoring;

public sealed class HogSvmClassifierTests
{
    [Fact]
    public void Train_TwoThousandTrainingImages_ReadsMostHeldOutTestImagesRight()
    {
        var training = MnistDataset.LoadTrain();
        var test = TestData.MnistTest;
        var held = new MnistSet(
            Enumerable.Range(0, 500).SelectMany(i => test.Pixels(i).ToArray()).ToArray(),
            Enumerable.Range(0, 500).Select(i => (byte)test.Label(i)).ToArray());

        using var classifier = HogSvmClassifier.Train(training, 2000);
        var accuracy = classifier.Measure(held);

        // The OpenCV sample reaches about 98% with all the data; a small training set still does far
        // better than chance, and a broken deskew or feature layout falls well below this.
        Assert.InRange(accuracy, 0.9, 1.0);
    }
}
