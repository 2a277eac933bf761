using LiveDigits.Pipeline.Classification;

namespace LiveDigits.Tests.Classification;

public sealed class DigitClassifierLoadTests
{
    [Theory]
    [InlineData("missing.onnx", "model file not found")]
    [InlineData("empty.onnx", "model file is empty")]
    [InlineData("not-a-model.onnx", "not a network OpenCV can read")]
    [InlineData("truncated.onnx", "not a network OpenCV can read")]
    [InlineData("wrong-input.onnx", "wrong input shape")]
    [InlineData("wrong-output.onnx", "wrong output count: 5 values per image")]
    public void Load_UnusableModel_ThrowsNamingFileAndProblem(string name, string problem)
    {
        var path = TestData.FixtureModel(name);

        var error = Assert.Throws<ModelLoadException>(() => DigitClassifier.Load(path));

        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Load_Folder_SaysItIsAFolderNotAModelFile()
    {
        var folder = Path.GetDirectoryName(TestData.FixtureModel("tiny-11.onnx"))!;

        var error = Assert.Throws<ModelLoadException>(() => DigitClassifier.Load(folder));

        Assert.Equal($"{folder}: is a folder, not a model file (name the .onnx or .pb file in it)", error.Message);
    }

    [Fact]
    public void Load_TensorFlowGraphWithAnOperationOpenCvLacks_NamesTheOperationAndSuggestsOnnx()
    {
        var path = TestData.FixtureModel("unsupported-op.pb");

        var error = Assert.Throws<ModelLoadException>(() => DigitClassifier.Load(path));

        Assert.Equal(
            $"{path}: OpenCV's dnn cannot import the operation Cumprod (layer \"sequential/cumulative/Cumprod\"); " +
                "export the model to ONNX instead",
            error.Message);
    }

    [Theory]
    [InlineData("tiny-logits.onnx", 10)]
    [InlineData("tiny-11.onnx", 11)]
    public void Load_DigitNetwork_ReportsClassCountAndBatching(string name, int classes)
    {
        using var classifier = DigitClassifier.Load(TestData.FixtureModel(name));

        Assert.Equal(classes, classifier.ClassCount);
        Assert.Equal(classes == 11, classifier.HasNotDigitClass);
        Assert.True(classifier.SupportsBatch);
    }

    [Fact]
    public void Dispose_Twice_DoesNotThrowAndLaterUseIsRefused()
    {
        var classifier = DigitClassifier.Load(TestData.FixtureModel("tiny-logits.onnx"));
        using var image = new OpenCvSharp.Mat(28, 28, OpenCvSharp.MatType.CV_8UC1, OpenCvSharp.Scalar.All(0));

        classifier.Dispose();
        classifier.Dispose();

        Assert.Throws<ObjectDisposedException>(() => classifier.Classify(image));
    }
}
