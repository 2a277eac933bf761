using System.Security.Cryptography;
using System.Text.Json;
using LiveDigits.Capture;
using LiveDigits.Pipeline.Classification;
using LiveDigits.Pipeline.Evaluation;
using OpenCvSharp;

namespace LiveDigits.Tests.Classification;

/// <summary>
/// Each shipped model, as OpenCV runs it, against what the training recipe recorded at export time.
/// A TensorFlow graph can import without error and still flatten in the wrong order: only a comparison
/// of outputs on real digits catches that.
/// </summary>
public sealed class ShippedModelTests
{
    public static TheoryData<string> ShippedModels =>
        [
            "tutorial-pytorch.onnx", "tutorial-keras.onnx", "tutorial-keras.pb", "livedigits.onnx",
            "livedigits-fast.onnx",
        ];

    [Theory]
    [MemberData(nameof(ShippedModels))]
    public void RawOutputs_ReferenceImages_MatchTheRecipeWithin1e4(string name)
    {
        var path = Path.Combine(ProjectPaths.Models, name);
        var reference = Reference.Read(path + ".reference.json");
        using var classifier = DigitClassifier.Load(path);
        using var images = new Disposables<Mat>(
            Enumerable.Range(reference.First, reference.Outputs.Length).Select(TestData.MnistTest.ToMat).ToList());

        var outputs = classifier.RawOutputs(images.Items);

        Assert.Equal(reference.Sha256, Sha256(path));
        var worst = 0f;
        for (var i = 0; i < outputs.Length; i++)
        {
            Assert.Equal(reference.Outputs[i].Length, outputs[i].Length);
            worst = Math.Max(worst, outputs[i].Zip(reference.Outputs[i]).Max(p => Math.Abs(p.First - p.Second)));
        }

        Assert.True(worst < 1e-4f, $"{name}: largest difference from the recipe's outputs is {worst}");
    }

    [Fact]
    public void Classify_KerasAsPbAndAsOnnx_GiveTheSameProbabilities()
    {
        using var pb = DigitClassifier.Load(Path.Combine(ProjectPaths.Models, "tutorial-keras.pb"));
        using var onnx = DigitClassifier.Load(Path.Combine(ProjectPaths.Models, "tutorial-keras.onnx"));
        using var images = new Disposables<Mat>(Enumerable.Range(0, 1000).Select(TestData.MnistTest.ToMat).ToList());

        var fromPb = pb.Classify(images.Items);
        var fromOnnx = onnx.Classify(images.Items);

        var worst = fromPb.Zip(fromOnnx)
            .Max(p => p.First.Probabilities.Zip(p.Second.Probabilities).Max(v => Math.Abs(v.First - v.Second)));
        Assert.True(worst < 1e-4f, $"largest probability difference between .pb and .onnx is {worst}");
    }

    [Theory]
    [MemberData(nameof(ShippedModels))]
    public void Classify_StaticBatchOfOneNetworkOnABatch_MatchesOneImagePerPass(string name)
    {
        var path = Path.Combine(ProjectPaths.Models, name);
        using var batched = DigitClassifier.Load(path);
        using var single = DigitClassifier.Load(path, allowBatch: false);
        using var images = new Disposables<Mat>(Enumerable.Range(0, 200).Select(TestData.MnistTest.ToMat).ToList());

        var fromBatch = batched.RawOutputs(images.Items);
        var fromSingles = single.RawOutputs(images.Items);

        Assert.True(
            batched.SupportsBatch, $"{name} was exported with a static 1x1x28x28 input; OpenCV still batches it");
        var worst = fromBatch.Zip(fromSingles).Max(p => p.First.Zip(p.Second).Max(v => Math.Abs(v.First - v.Second)));
        Assert.True(worst < 1e-5f, $"{name}: batched and single outputs differ by {worst}");
    }

    [Theory]
    [MemberData(nameof(ShippedModels))]
    public void MnistEvaluation_FullTestSet_MatchesTheAccuracyRecordedInModels(string name)
    {
        var recorded = RecordedAccuracy(name);
        using var classifier = DigitClassifier.Load(Path.Combine(ProjectPaths.Models, name));

        var result = MnistEvaluation.Run(classifier, TestData.MnistTest);

        Assert.Equal(10_000, result.Count);
        Assert.InRange(result.Accuracy, recorded - 0.0005, recorded + 0.0005);
    }

    private static double RecordedAccuracy(string name)
    {
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(ProjectPaths.Models, "build-summary.json")));
        return summary.RootElement.GetProperty(name).GetProperty("mnistTestAccuracy").GetDouble();
    }

    private static string Sha256(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }

    private sealed record Reference(string Sha256, int First, float[][] Outputs)
    {
        public static Reference Read(string path)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            var outputs = root.GetProperty("outputs").EnumerateArray()
                .Select(row => row.EnumerateArray().Select(v => v.GetSingle()).ToArray())
                .ToArray();
            return new Reference(
                root.GetProperty("sha256").GetString() ?? string.Empty,
                root.GetProperty("mnistTestFirst").GetInt32(),
                outputs);
        }
    }
}
