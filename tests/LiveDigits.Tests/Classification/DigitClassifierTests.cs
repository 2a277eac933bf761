using LiveDigits.Pipeline.Classification;
using OpenCvSharp;

namespace LiveDigits.Tests.Classification;

public sealed class DigitClassifierTests
{
    [Fact]
    public void Classify_LogitsSoftmaxAndLogSoftmaxHeads_GiveTheSameProbabilities()
    {
        using var logits = DigitClassifier.Load(TestData.FixtureModel("tiny-logits.onnx"));
        using var softmax = DigitClassifier.Load(TestData.FixtureModel("tiny-softmax.onnx"));
        using var logSoftmax = DigitClassifier.Load(TestData.FixtureModel("tiny-logsoftmax.onnx"));
        using var images = new Disposables<Mat>(RandomImages(20, seed: 1));

        var fromLogits = logits.Classify(images.Items);
        var fromSoftmax = softmax.Classify(images.Items);
        var fromLogSoftmax = logSoftmax.Classify(images.Items);

        for (var i = 0; i < images.Items.Count; i++)
        {
            AssertClose(fromLogits[i].Probabilities, fromSoftmax[i].Probabilities, 1e-5f);
            AssertClose(fromLogits[i].Probabilities, fromLogSoftmax[i].Probabilities, 1e-5f);
        }
    }

    [Theory]
    [InlineData("tiny-logits.onnx")]
    [InlineData("tiny-11.onnx")]
    public void Classify_AnyImage_GivesProbabilitiesInRangeThatSumToOne(string model)
    {
        using var classifier = DigitClassifier.Load(TestData.FixtureModel(model));
        using var images = new Disposables<Mat>(RandomImages(50, seed: 2));

        var predictions = classifier.Classify(images.Items);

        Assert.All(predictions, p =>
        {
            Assert.All(p.Probabilities, v => Assert.InRange(v, 0f, 1f));
            Assert.Equal(1.0, p.Probabilities.Sum(v => (double)v), 4);
            Assert.Equal(p.Probabilities.Max(), p.Probabilities[p.Winner]);
        });
    }

    [Fact]
    public void Classify_Batched_MatchesOneImagePerPass()
    {
        using var batched = DigitClassifier.Load(TestData.FixtureModel("tiny-11.onnx"));
        using var single = DigitClassifier.Load(TestData.FixtureModel("tiny-11.onnx"), allowBatch: false);
        using var images = new Disposables<Mat>(RandomImages(300, seed: 3));

        var fromBatch = batched.RawOutputs(images.Items);
        var fromSingles = single.RawOutputs(images.Items);

        Assert.True(batched.SupportsBatch);
        Assert.False(single.SupportsBatch);
        for (var i = 0; i < images.Items.Count; i++)
        {
            AssertClose(fromSingles[i], fromBatch[i], 1e-5f);
        }
    }

    [Fact]
    public async Task Classify_FromSeveralThreads_MatchesSequentialResults()
    {
        using var classifier = DigitClassifier.Load(TestData.FixtureModel("tiny-logits.onnx"));
        using var images = new Disposables<Mat>(RandomImages(1000, seed: 4));
        var sequential = images.Items.Select(image => classifier.Classify(image)).ToArray();

        var parallel = new DigitPrediction[images.Items.Count];
        var workers = Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            for (var i = worker; i < images.Items.Count; i += 4)
            {
                parallel[i] = classifier.Classify(images.Items[i]);
            }
        }));
        await Task.WhenAll(workers);

        for (var i = 0; i < sequential.Length; i++)
        {
            Assert.Equal(sequential[i].Probabilities, parallel[i].Probabilities);
        }
    }

    [Fact]
    public void Classify_ColourAnd16BitImages_ReadAsTheirGreyEquivalent()
    {
        using var classifier = DigitClassifier.Load(TestData.FixtureModel("tiny-logits.onnx"));
        using var grey = RandomImages(1, seed: 5)[0];
        using var colour = new Mat();
        Cv2.CvtColor(grey, colour, ColorConversionCodes.GRAY2BGR);
        using var colourAlpha = new Mat();
        Cv2.CvtColor(grey, colourAlpha, ColorConversionCodes.GRAY2BGRA);
        using var deep = new Mat();
        grey.ConvertTo(deep, MatType.CV_16UC1, 257);

        var expected = classifier.Classify(grey).Probabilities;

        AssertClose(expected, classifier.Classify(colour).Probabilities, 1e-5f);
        AssertClose(expected, classifier.Classify(colourAlpha).Probabilities, 1e-5f);
        AssertClose(expected, classifier.Classify(deep).Probabilities, 1e-5f);
    }

    [Theory]
    [InlineData(0, 0, "is empty")]
    [InlineData(1, 1, "is 1x1; the classifier takes 28x28")]
    [InlineData(641, 480, "is 641x480; the classifier takes 28x28")]
    public void Classify_ImageOfWrongSize_ThrowsSayingWhy(int width, int height, string reason)
    {
        using var classifier = DigitClassifier.Load(TestData.FixtureModel("tiny-logits.onnx"));
        using var image = width == 0 ? new Mat() : new Mat(height, width, MatType.CV_8UC1, Scalar.All(0));

        var error = Assert.Throws<ArgumentException>(() => classifier.Classify(image));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    internal static List<Mat> RandomImages(int count, int seed)
    {
        var random = new Random(seed);
        var images = new List<Mat>(count);
        for (var i = 0; i < count; i++)
        {
            var pixels = new byte[28 * 28];
            random.NextBytes(pixels);
            var image = new Mat(28, 28, MatType.CV_8UC1);
            image.SetArray(pixels);
            images.Add(image);
        }

        return images;
    }

    private static void AssertClose(IReadOnlyList<float> expected, IReadOnlyList<float> actual, float tolerance)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(
                Math.Abs(expected[i] - actual[i]) <= tolerance,
                $"class {i}: expected {expected[i]}, got {actual[i]}");
        }
    }
}
