using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;
using OpenCvSharp.Dnn;

namespace LiveDigits.Pipeline.Classification;

/// <summary>
/// Classifies 28x28 digit images with a network that OpenCV's dnn module reads (ONNX, frozen
/// TensorFlow .pb, and the other formats <c>readNet</c> knows).
/// </summary>
/// <remarks>
/// The network must take one 1x1x28x28 float input (white ink on black, pixel/255) and give ten
/// outputs (digits 0-9) or eleven (the last meaning "not a digit"); <see cref="Load"/> checks this.
/// OpenCV's <c>Net</c> is not thread-safe, so every forward pass is serialised on one lock: callers on
/// several threads get the same answers as one caller, and the live reader calls it from its one
/// inference thread anyway.
/// </remarks>
public sealed class DigitClassifier : IDisposable
{
    /// <summary>The side of the square input image, in pixels.</summary>
    public const int InputSide = 28;

    /// <summary>The largest batch sent in one forward pass; larger requests are split.</summary>
    public const int MaxBatch = 128;

    private readonly Net _net;
    private readonly float[] _input;
    private readonly Lock _gate = new();
    private bool _disposed;

    private DigitClassifier(Net net, string path, int classCount, bool supportsBatch)
    {
        _net = net;
        ModelPath = path;
        ClassCount = classCount;
        SupportsBatch = supportsBatch;
        _input = new float[(supportsBatch ? MaxBatch : 1) * ModelInput.Pixels];
    }

    /// <summary>Gets the model file.</summary>
    public string ModelPath { get; }

    /// <summary>Gets the number of classes: 10, or 11 when the network has a "not a digit" class.</summary>
    public int ClassCount { get; }

    /// <summary>Gets whether the network has the eleventh, "not a digit", class.</summary>
    public bool HasNotDigitClass => ClassCount == 11;

    /// <summary>Gets whether several images go through in one forward pass (else one at a time).</summary>
    public bool SupportsBatch { get; }

    /// <summary>Loads and checks a network.</summary>
    /// <param name="path">The model file.</param>
    /// <param name="logger">Receives what was found at load; optional.</param>
    /// <param name="allowBatch">
    /// False sends one image per forward pass even where the network takes batches, to compare the two.
    /// </param>
    /// <returns>A classifier that owns the network.</returns>
    /// <exception cref="ModelLoadException">The file is missing, unreadable or of the wrong shape.</exception>
    public static DigitClassifier Load(string path, ILogger<DigitClassifier>? logger = null, bool allowBatch = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        logger ??= NullLogger<DigitClassifier>.Instance;

        var net = ModelInspector.Read(path);
        try
        {
            var classCount = ModelInspector.CheckShape(net, path);
            var supportsBatch = allowBatch && ModelInspector.RunsBatches(net, classCount);
            Log.ModelLoaded(logger, path, classCount, supportsBatch);
            return new DigitClassifier(net, path, classCount, supportsBatch);
        }
        catch
        {
            net.Dispose();
            throw;
        }
    }

    /// <summary>Classifies one image.</summary>
    /// <param name="image">A 28x28 image; see <see cref="Classify(IReadOnlyList{Mat})"/> for accepted types.</param>
    /// <returns>The class probabilities and the winner.</returns>
    public DigitPrediction Classify(Mat image) => Classify([image])[0];

    /// <summary>Classifies several images, in one forward pass where the network allows it.</summary>
    /// <param name="images">
    /// 28x28 images, white ink on black. 8-bit images are divided by 255, 16-bit ones by 65535, float
    /// ones are taken as 0-1; colour (BGR or BGRA) is converted to grey. Any other size is refused:
    /// normalise camera crops first.
    /// </param>
    /// <returns>One prediction per image, in order.</returns>
    public IReadOnlyList<DigitPrediction> Classify(IReadOnlyList<Mat> images)
    {
        return OutputActivation.ToPredictions(RawOutputs(images));
    }

    /// <summary>Runs the network and returns its outputs as they are, one row per image.</summary>
    /// <param name="images">28x28 images, as for <see cref="Classify(IReadOnlyList{Mat})"/>.</param>
    /// <returns>The raw output rows (logits, probabilities or log-probabilities).</returns>
    public float[][] RawOutputs(IReadOnlyList<Mat> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        ObjectDisposedException.ThrowIf(_disposed, this);

        var rows = new float[images.Count][];
        var step = SupportsBatch ? MaxBatch : 1;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            for (var start = 0; start < images.Count; start += step)
            {
                var count = Math.Min(step, images.Count - start);
                using var blob = Blob(images, start, count);
                _net.SetInput(blob);
                using var output = _net.Forward();
                ModelInspector.CopyRows(output, count, ClassCount, rows, start);
            }
        }

        return rows;
    }

    /// <summary>Releases the network. Safe to call more than once.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _net.Dispose();
        }
    }

    /// <summary>Packs images start..start+count-1 into one N x 1 x 28 x 28 float blob over the input buffer.</summary>
    private Mat Blob(IReadOnlyList<Mat> images, int start, int count)
    {
        var pixels = _input.AsSpan(0, count * ModelInput.Pixels);
        for (var i = 0; i < count; i++)
        {
            ModelInput.Fill(images[start + i], start + i, pixels.Slice(i * ModelInput.Pixels, ModelInput.Pixels));
        }

        // A header over the managed buffer, which it pins until disposed: no native allocation per batch.
        return Mat.FromPixelData([count, 1, InputSide, InputSide], MatType.CV_32FC1, _input);
    }
}
