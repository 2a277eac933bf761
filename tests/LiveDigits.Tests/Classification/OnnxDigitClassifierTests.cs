using LiveDigits.Capture;
using LiveDigits.Pipeline.Classification;
using OpenCvSharp;

namespace LiveDigits.Tests.Classification;

public sealed class OnnxDigitClassifierTests
{
    [Theory]
    [InlineData("tutorial-pytorch.onnx")]
    [InlineData("tutorial-keras.onnx")]
    [InlineData("livedigits.onnx")]
    [InlineData("livedigits-fast.onnx")]
    public void Classify_MnistTestImages_MatchesOpenCvDnnWithin1e4(string model)
    {
        var path = Path.Combine(ProjectPaths.Models, model);
        using var dnn = DigitClassifier.Load(path);
        using var ort = OnnxDigitClassifier.Load(path);
        using var images = new Disposables<Mat>([.. Enumerable.Range(0, 300).Select(TestData.MnistTest.ToMat)]);

        var fromDnn = dnn.Classify(images.Items);
        var fromOrt = ort.Classify(images.Items);

        Assert.Equal(fromDnn.Count, fromOrt.Count);
        for (var i = 0; i < fromDnn.Count; i++)
        {
            Assert.Equal(fromDnn[i].Probabilities.Count, fromOrt[i].Probabilities.Count);
            for (var c = 0; c < fromDnn[i].Probabilities.Count; c++)
            {
                Assert.True(
                    Math.Abs(fromDnn[i].Probabilities[c] - fromOrt[i].Probabilities[c]) <= 1e-4f,
                    $"image {i} class {c}: dnn {fromDnn[i].Probabilities[c]}, ort {fromOrt[i].Probabilities[c]}");
            }
        }
    }

    [Fact]
    public void Classify_ElevenClassFixture_MatchesOpenCvDnnAndKeepsTheNotDigitClass()
    {
        var path = TestData.FixtureModel("tiny-11.onnx");
        using var dnn = DigitClassifier.Load(path);
        using var ort = OnnxDigitClassifier.Load(path);
        using var images = new Disposables<Mat>([.. Enumerable.Range(0, 40).Select(TestData.MnistTest.ToMat)]);

        var fromDnn = dnn.RawOutputs(images.Items);
        var fromOrt = ort.RawOutputs(images.Items);

        Assert.Equal(11, ort.ClassCount);
        for (var i = 0; i < fromDnn.Length; i++)
        {
            Assert.Equal(fromDnn[i], fromOrt[i], (a, b) => Math.Abs(a - b) <= 1e-4f);
        }
    }

    [Theory]
    [InlineData("missing.onnx", "model file not found")]
    [InlineData("empty.onnx", "model file is empty")]
    [InlineData("not-a-model.onnx", "not a network ONNX Runtime can read")]
    [InlineData("wrong-input.onnx", "wrong input shape")]
    [InlineData("wrong-output.onnx", "wrong output count")]
    public void Load_BadFile_ThrowsModelLoadExceptionNamingTheProblem(string file, string problem)
    {
        var path = TestData.FixtureModel(file);

        var error = Assert.Throws<ModelLoadException>(() => OnnxDigitClassifier.Load(path));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Folder_SaysItIsAFolderNotAModelFile()
    {
        var folder = Path.GetDirectoryName(TestData.FixtureModel("tiny-11.onnx"))!;

        var error = Assert.Throws<ModelLoadException>(() => OnnxDigitClassifier.Load(folder));

        Assert.Equal($"{folder}: is a folder, not a model file (name the .onnx or .pb file in it)", error.Message);
    }

    [Fact]
    public void Load_TensorFlowGraph_ThrowsModelLoadExceptionPointingAtTheDefaultEngine()
    {
        var path = Path.Combine(ProjectPaths.Models, "tutorial-keras.pb");

        var error = Assert.Throws<ModelLoadException>(() => OnnxDigitClassifier.Load(path));

        Assert.Contains("only .onnx", error.Message, StringComparison.Ordinal);
    }
}
