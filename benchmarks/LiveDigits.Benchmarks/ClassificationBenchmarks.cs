using BenchmarkDotNet.Attributes;
using LiveDigits.Capture.Mnist;
using LiveDigits.Pipeline.Classification;
using OpenCvSharp;

namespace LiveDigits.Benchmarks;

/// <summary>
/// The cost of classifying a batch of normalised digits (MNIST test images, 8-bit 28x28 as the reader
/// gives them), for each shipped model, through OpenCV's dnn and through ONNX Runtime on the same file.
/// </summary>
/// <remarks>
/// BenchmarkDotNet's Ratio compares the two engines at the same model and batch (OpenCV's dnn is the
/// baseline); the "vs tutorial b1" column compares each row's cost per digit with OpenCV's dnn running
/// tutorial-pytorch one digit at a time, the naive baseline.
/// </remarks>
public class ClassificationBenchmarks
{
    private readonly List<Mat> _images = [];
    private DigitClassifier? _dnn;
    private OnnxDigitClassifier? _ort;

    /// <summary>Gets or sets the model name.</summary>
    [ParamsSource(nameof(Models))]
    public string Model { get; set; } = BenchModels.Tutorial;

    /// <summary>Gets or sets how many digits go in one call.</summary>
    [Params(1, 8, 32, 128)]
    public int Batch { get; set; } = 1;

    /// <summary>Gets the models to run.</summary>
    public static IEnumerable<string> Models => BenchModels.Shipped();

    /// <summary>Loads both engines and the images.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var path = BenchModels.PathOf(Model);
        _dnn = DigitClassifier.Load(path);
        _ort = OnnxDigitClassifier.Load(path);
        var mnist = MnistDataset.LoadTest();
        for (var i = 0; i < Batch; i++)
        {
            _images.Add(mnist.ToMat(i));
        }
    }

    /// <summary>Classifies the batch with OpenCV's dnn.</summary>
    /// <returns>The predictions, so the work is not optimised away.</returns>
    [Benchmark(Baseline = true)]
    public IReadOnlyList<DigitPrediction> OpenCvDnn() => _dnn!.Classify(_images);

    /// <summary>Classifies the batch with ONNX Runtime.</summary>
    /// <returns>The predictions.</returns>
    [Benchmark]
    public IReadOnlyList<DigitPrediction> OnnxRuntime() => _ort!.Classify(_images);

    /// <summary>Releases the engines and images.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _dnn?.Dispose();
        _ort?.Dispose();
        foreach (var image in _images)
        {
            image.Dispose();
        }

        _images.Clear();
    }
}
