using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace LiveDigits.Pipeline.Classification;

/// <summary>
/// Classifies 28x28 digit images with an ONNX network run by ONNX Runtime instead of OpenCV's dnn: the
/// <c>--engine ort</c> choice, for the same model files and the same answers.
/// </summary>
/// <remarks>
/// OpenCV's dnn spends most of a tiny network's time on per-layer overhead; ONNX Runtime fuses layers
/// and runs small batches several times faster on a CPU (see docs/PERFORMANCE.md). The input and output
/// rules are those of <see cref="DigitClassifier"/>: one 1x1x28x28 float input, ten or eleven outputs
/// turned into probabilities by <see cref="OutputActivation"/>. Only ONNX files are read. Calls are
/// serialised on one lock because the input buffer is reused.
/// </remarks>
public sealed class OnnxDigitClassifier : ICandidateClassifier, IDisposable
{
    private const int Pixels = ModelInput.Pixels;

    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly string _outputName;
    private readonly float[] _input;
    private readonly RunOptions _run = new();
    private readonly Lock _gate = new();
    private bool _disposed;

    private OnnxDigitClassifier(InferenceSession session, string path, bool supportsBatch)
    {
        _session = session;
        _inputName = session.InputMetadata.Keys.Single();
        _outputName = session.OutputMetadata.Keys.First();
        ModelPath = path;
        SupportsBatch = supportsBatch;
        _input = new float[(supportsBatch ? DigitClassifier.MaxBatch : 1) * Pixels];
        ClassCount = RunBlank();
    }

    /// <summary>Gets the model file.</summary>
    public string ModelPath { get; }

    /// <summary>Gets the number of classes: 10, or 11 when the network has a "not a digit" class.</summary>
    public int ClassCount { get; }

    /// <summary>Gets whether the network's batch dimension is free, so a frame's candidates go in one run.</summary>
    public bool SupportsBatch { get; }

    /// <summary>Loads and checks an ONNX network.</summary>
    /// <param name="path">The <c>.onnx</c> file.</param>
    /// <param name="logger">Receives what was found at load; optional.</param>
    /// <param name="threads">Threads ONNX Runtime may use inside one run; 0 lets it choose (one per core).</param>
    /// <returns>A classifier that owns the session.</returns>
    /// <exception cref="ModelLoadException">The file is missing, not ONNX, or of the wrong shape.</exception>
    public static OnnxDigitClassifier Load(string path, ILogger<OnnxDigitClassifier>? logger = null, int threads = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        logger ??= NullLogger<OnnxDigitClassifier>.Instance;
        CheckFile(path);

        var session = Open(path, threads);
        try
        {
            var supportsBatch = CheckInput(session, path);
            var classifier = new OnnxDigitClassifier(session, path, supportsBatch);
            Log.OnnxModelLoaded(logger, path, classifier.ClassCount, supportsBatch);
            return classifier;
        }
        catch (OnnxRuntimeException e)
        {
            session.Dispose();
            throw new ModelLoadException(path, $"wrong shape for a digit classifier ({FirstLine(e.Message)})", e);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<DigitPrediction> Classify(IReadOnlyList<Mat> normalised)
    {
        return OutputActivation.ToPredictions(RawOutputs(normalised));
    }

    /// <summary>Runs the network and returns its outputs as they are, one row per image.</summary>
    /// <param name="images">
    /// 28x28 images, with the pixel rules of <see cref="DigitClassifier.Classify(IReadOnlyList{Mat})"/>.
    /// </param>
    /// <returns>The raw output rows (logits, probabilities or log-probabilities).</returns>
    public float[][] RawOutputs(IReadOnlyList<Mat> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var rows = new float[images.Count][];
        var step = SupportsBatch ? DigitClassifier.MaxBatch : 1;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            for (var start = 0; start < images.Count; start += step)
            {
                var count = Math.Min(step, images.Count - start);
                for (var i = 0; i < count; i++)
                {
                    ModelInput.Fill(images[start + i], start + i, _input.AsSpan(i * Pixels, Pixels));
                }

                Run(count, rows, start);
            }
        }

        return rows;
    }

    /// <summary>Releases the session. Safe to call more than once.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _session.Dispose();
            _run.Dispose();
        }
    }

    private static void CheckFile(string path)
    {
        ModelFile.CheckExists(path);

        if (!path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelLoadException(
                path, "ONNX Runtime reads only .onnx files; use the default engine (OpenCV dnn)");
        }
    }

    private static InferenceSession Open(string path, int threads)
    {
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
        };

        // Idle pool threads would otherwise spin for a while after each run, taking a core from the capture
        // and segmentation threads that a live reader needs between forward passes.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        try
        {
            return new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelLoadException(path, $"not a network ONNX Runtime can read ({FirstLine(e.Message)})", e);
        }
    }

    private static bool CheckInput(InferenceSession session, string path)
    {
        if (session.InputMetadata.Count != 1)
        {
            throw new ModelLoadException(path, $"wrong input count: {session.InputMetadata.Count}, expected one image");
        }

        var dims = session.InputMetadata.Values.Single().Dimensions;
        if (dims.Length != 4 || dims[1] != 1 || dims[2] != DigitClassifier.InputSide
            || dims[3] != DigitClassifier.InputSide || dims[0] is not (1 or -1))
        {
            throw new ModelLoadException(
                path, $"wrong input shape: [{string.Join(',', dims)}], expected a 1x1x28x28 image (batch may be free)");
        }

        return dims[0] == -1;
    }

    private void Run(int count, float[][] rows, int start)
    {
        var memory = _input.AsMemory(0, count * Pixels);
        long[] shape = [count, 1, DigitClassifier.InputSide, DigitClassifier.InputSide];
        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, memory, shape);
        using var outputs = _session.Run(_run, [_inputName], [input], [_outputName]);
        var values = outputs[0].GetTensorDataAsSpan<float>();
        if (ClassCount > 0 && values.Length != count * ClassCount)
        {
            throw new InvalidOperationException(
                $"The network gave {values.Length} values for {count} images of {ClassCount} classes.");
        }

        var classes = values.Length / count;
        for (var i = 0; i < count; i++)
        {
            rows[start + i] = values.Slice(i * classes, classes).ToArray();
        }
    }

    private int RunBlank()
    {
        Array.Clear(_input);
        var rows = new float[1][];
        Run(1, rows, 0);
        var classes = rows[0].Length;
        if (classes is not (10 or 11))
        {
            throw new ModelLoadException(
                ModelPath,
                $"wrong output count: {classes} values per image, expected 10 digits or 11 (with not-a-digit)");
        }

        return classes;
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault() ?? text;
}
