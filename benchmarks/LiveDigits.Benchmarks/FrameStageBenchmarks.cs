using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using LiveDigits.Capture.Clips;
using LiveDigits.Capture.Mnist;
using LiveDigits.Overlay;
using LiveDigits.Overlay.Output;
using LiveDigits.Pipeline.Classification;
using LiveDigits.Pipeline.Grouping;
using LiveDigits.Pipeline.Normalisation;
using LiveDigits.Pipeline.Reader;
using LiveDigits.Pipeline.Readings;
using LiveDigits.Pipeline.Segmentation;
using LiveDigits.Pipeline.Tracking;
using OpenCvSharp;

namespace LiveDigits.Benchmarks;

/// <summary>
/// The per-frame stages of the reader on consecutive frames of <c>livedigits bench</c>'s clip (plain paper,
/// seed 20, about 20 digits a frame, as issue 7's targets assume) rendered at each size: each benchmark
/// handles one whole frame, cycling through the frames.
/// </summary>
/// <remarks>
/// Every stage's input is prepared in setup from the stage before it, so a stage is timed alone. The
/// default network is livedigits when it is in <c>models/</c>, else tutorial-pytorch.
/// </remarks>
// BenchmarkDotNet, not IDisposable, ends a benchmark's life: [GlobalCleanup] releases what setup made.
[SuppressMessage("Design", "CA1001", Justification = "Released in the [GlobalCleanup] method.")]
public class FrameStageBenchmarks
{
    private const int FrameCount = 8;

    private readonly DigitSegmenter _segmenter = new();
    private readonly DigitNormaliser _normaliser = new();
    private readonly NumberGrouper _grouper = new();
    private readonly DigitTracker _tracker = new();
    private readonly List<StageInputs> _frames = [];
    private readonly List<FrameReadings> _readings = [];
    private DigitClassifier? _dnn;
    private OnnxDigitClassifier? _ort;
    private DigitReader? _reader;
    private VideoRecorder? _recorder;
    private string? _videoFolder;
    private int _next;

    /// <summary>Gets or sets the frame size, WxH.</summary>
    [Params("640x480", "1280x720")]
    public string Size { get; set; } = "1280x720";

    /// <summary>Renders the frames and computes each stage's input.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var parts = Size.Split('x');
        var options = BenchClip.Options with { Width = Parse(parts[0]), Height = Parse(parts[1]) };
        var model = BenchModels.PathOf(BenchModels.Default);
        _dnn = DigitClassifier.Load(model);
        _ort = OnnxDigitClassifier.Load(model);
        _reader = new DigitReader(new DigitReaderOptions { ModelPath = model });
        using var generator = new ClipGenerator(options, MnistDataset.LoadTest());
        for (var i = 0; i < FrameCount; i++)
        {
            var image = new Mat();
            generator.Render(i, image);
            _frames.Add(StageInputs.Prepare(image, _segmenter, _normaliser, _dnn));
            using var analysis = _reader.Read(image, i, TimeSpan.FromSeconds(i / options.Fps));
            _readings.Add(analysis.Readings);
        }

        _videoFolder = Directory.CreateTempSubdirectory("livedigits-bench-").FullName;
        _recorder = new VideoRecorder(Path.Combine(_videoFolder, "bench.avi"), options.Fps);
        Console.WriteLine(
            $"// {Size}: candidates per frame found " +
            $"{string.Join(' ', _frames.Select(f => f.Segmentation.Candidates.Count))}, classified " +
            $"{string.Join(' ', _frames.Select(f => f.Inputs.Count))}");
    }

    /// <summary>Finds the candidates: grey, adaptive threshold, connected components.</summary>
    /// <returns>The candidate count.</returns>
    [Benchmark]
    public int Segment()
    {
        using var segmentation = _segmenter.Segment(NextFrame().Image);
        return segmentation.Candidates.Count;
    }

    /// <summary>Normalises every candidate of a frame to 28x28, on both cores as the reader does.</summary>
    /// <returns>The candidate count.</returns>
    [Benchmark]
    public int NormaliseAll()
    {
        var frame = NextFrame();
        var inputs = _normaliser.NormaliseAll([.. frame.Candidates.Select(c => c.Ink)]);
        inputs.ForEach(input => input.Dispose());
        return inputs.Count;
    }

    /// <summary>Classifies every candidate of a frame in one batch with OpenCV's dnn (the default engine).</summary>
    /// <returns>The predictions.</returns>
    [Benchmark]
    public IReadOnlyList<DigitPrediction> ClassifyDnn() => _dnn!.Classify(NextFrame().Inputs);

    /// <summary>Classifies every candidate of a frame in one batch with ONNX Runtime.</summary>
    /// <returns>The predictions.</returns>
    [Benchmark]
    public IReadOnlyList<DigitPrediction> ClassifyOrt() => _ort!.Classify(NextFrame().Inputs);

    /// <summary>Updates the tracks with a frame's predictions and groups the confirmed digits into numbers.</summary>
    /// <returns>The number count.</returns>
    [Benchmark]
    public int TrackAndGroup()
    {
        var frame = NextFrame();
        var digits = new List<DigitReading>();
        foreach (var track in _tracker.Update(frame.Observations))
        {
            if (track.Confirmed && track.Winner != DigitPrediction.NotDigitClass)
            {
                digits.Add(new DigitReading(track.Box, track.Digit, track.Confidence, track.Id));
            }
        }

        return _grouper.Group(digits).Numbers.Count;
    }

    /// <summary>Draws a frame's readings (boxes, labels, numbers, status) on a copy of it, as the app does.</summary>
    /// <returns>The drawn frame's width.</returns>
    [Benchmark]
    public int DrawOverlay()
    {
        var index = _next % _frames.Count;
        var frame = NextFrame();
        var status = new OverlayStatus(30, TimeSpan.FromMilliseconds(12), frame.Inputs.Count, 0);
        using var drawn = OverlayRenderer.Render(frame.Image, _readings[index], status);
        return drawn.Width;
    }

    /// <summary>Encodes a frame as JPEG at OpenCV's default quality (what a snapshot costs).</summary>
    /// <returns>The encoded size.</returns>
    [Benchmark]
    public int EncodeJpeg()
    {
        Cv2.ImEncode(".jpg", NextFrame().Image, out var bytes);
        return bytes.Length;
    }

    /// <summary>Appends a frame to an MJPG recording through the recorder the app uses.</summary>
    /// <returns>Whether the frame was written.</returns>
    [Benchmark]
    public bool EncodeVideo() => _recorder!.Write(NextFrame().Image);

    /// <summary>The whole reader on a frame: every stage above except encoding, with OpenCV's dnn.</summary>
    /// <returns>The digit count read.</returns>
    [Benchmark]
    public int ReadFrame()
    {
        var frame = NextFrame();
        using var analysis = _reader!.Read(frame.Image, _next, TimeSpan.Zero);
        return analysis.Readings.Digits.Count;
    }

    /// <summary>Releases the frames, engines and the recording.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var frame in _frames)
        {
            frame.Dispose();
        }

        _frames.Clear();
        _readings.Clear();
        _dnn?.Dispose();
        _ort?.Dispose();
        _reader?.Dispose();
        _recorder?.Dispose();
        if (_videoFolder is not null)
        {
            Directory.Delete(_videoFolder, recursive: true);
        }
    }

    private static int Parse(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private StageInputs NextFrame() => _frames[_next++ % _frames.Count];
}
