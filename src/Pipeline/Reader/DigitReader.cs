using System.Diagnostics;
using LiveDigits.Capture;
using LiveDigits.Pipeline.Classification;
using LiveDigits.Pipeline.Grouping;
using LiveDigits.Pipeline.Normalisation;
using LiveDigits.Pipeline.Readings;
using LiveDigits.Pipeline.Segmentation;
using LiveDigits.Pipeline.Tracking;
using Microsoft.Extensions.Logging;
using OpenCvSharp;

namespace LiveDigits.Pipeline.Reader;

/// <summary>
/// Reads the digits and numbers in frames: segments candidates, normalises them the MNIST way,
/// classifies them in one batch, rejects non-digits, tracks them across frames and groups numbers.
/// </summary>
/// <remarks>
/// Not thread-safe: the tracker carries state from frame to frame, so one thread reads (the pipeline's
/// worker). The reader disposes what it creates (a network loaded from a path) and nothing it was given.
/// </remarks>
public sealed class DigitReader : IDisposable
{
    private readonly DigitSegmenter _segmenter;
    private readonly NumberGrouper _grouper = new();
    private readonly ICandidateNormaliser _normaliser;
    private readonly ICandidateClassifier _classifier;
    private readonly IDisposable? _ownedClassifier;
    private readonly DigitTracker? _tracker;
    private readonly DigitReaderOptions _options;
    private readonly CandidateChooser _chooser;
    private readonly double _chooseThreshold;
    private bool _disposed;

    /// <summary>Creates a reader, loading the network unless the options give a classifier.</summary>
    /// <param name="options">The options; defaults when null.</param>
    /// <param name="loggerFactory">Creates the loggers; optional.</param>
    /// <exception cref="ModelLoadException">The model or its sidecar cannot be used.</exception>
    public DigitReader(DigitReaderOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        _options = options ?? new DigitReaderOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxCandidates, 1);
        _segmenter = new DigitSegmenter { MaxCandidates = _options.MaxCandidates };
        _normaliser = _options.Normaliser ?? new DigitNormaliser();
        _tracker = _options.TrackAcrossFrames ? new DigitTracker(_options.Tracking) : null;

        var threshold = _options.AcceptThreshold;
        if (_options.Classifier is { } given)
        {
            _classifier = given;
        }
        else
        {
            var path = _options.ModelPath ?? ProjectPaths.DefaultModel;
            threshold ??= ModelSidecar.TryRead(path)?.AcceptThreshold;
            var (classifier, owned) = LoadClassifier(path, _options.Engine, loggerFactory);
            _classifier = classifier;
            _ownedClassifier = owned;
        }

        AcceptThreshold = threshold ?? DigitReaderOptions.DefaultAcceptThreshold;
        VoteThreshold = Math.Min(AcceptThreshold, _options.VoteAcceptThreshold);
        // Merges and cuts compare hypotheses of one frame; with tracking the vote then decides, so they use
        // the vote's bar: a merged pale digit at 0.6 is worth offering to the tracker.
        _chooseThreshold = _tracker is null ? AcceptThreshold : VoteThreshold;
        _chooser = new CandidateChooser(
            _normaliser,
            _classifier,
            _chooseThreshold,
            AcceptThreshold,
            _options.MaxCandidates);
    }

    /// <summary>Gets the lowest probability at which a digit read in one frame is reported.</summary>
    public double AcceptThreshold { get; }

    /// <summary>Gets the lowest voted probability at which a tracked digit is reported.</summary>
    public double VoteThreshold { get; }

    /// <summary>Reads one frame.</summary>
    /// <param name="bgrFrame">The frame, 8-bit BGR (grey accepted); only read.</param>
    /// <param name="index">The frame's 0-based index in its source.</param>
    /// <param name="time">The frame's timestamp from the start of the source.</param>
    /// <param name="source">The image file, for image inputs; otherwise null.</param>
    /// <returns>The analysis, owned by the caller.</returns>
    public FrameAnalysis Read(Mat bgrFrame, long index, TimeSpan time, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(bgrFrame);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var clock = Stopwatch.StartNew();

        using var segmentation = _segmenter.Segment(bgrFrame);
        using var choice = _chooser.Choose(segmentation);
        TextContext.RefuseDigitsInWords(
            choice.Chosen,
            _chooseThreshold,
            choice.Unclassified,
            segmentation.Fragments);
        var digits = Decide(choice.Chosen);
        var (ordered, numbers) = _grouper.Group(digits);
        var readings = new FrameReadings(index, time.TotalMilliseconds, ordered, numbers, source);
        return Analysis(readings, choice, segmentation, clock.Elapsed);
    }

    /// <summary>Forgets every track, before a new unrelated stream.</summary>
    public void ResetTracking() => _tracker?.Reset();

    /// <summary>Releases the network when the reader loaded it. Safe to call more than once.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _ownedClassifier?.Dispose();
    }

    private static (ICandidateClassifier Classifier, IDisposable Owned) LoadClassifier(
        string path,
        ClassifierEngine engine,
        ILoggerFactory? loggerFactory)
    {
        if (engine == ClassifierEngine.OnnxRuntime)
        {
            var session = OnnxDigitClassifier.Load(path, loggerFactory?.CreateLogger<OnnxDigitClassifier>());
            return (session, session);
        }

        var network = DigitClassifier.Load(path, loggerFactory?.CreateLogger<DigitClassifier>());
        var adapter = new NetworkCandidateClassifier(network, ownsNetwork: true);
        return (adapter, adapter);
    }

    private List<DigitReading> Decide(List<(Rect Box, DigitPrediction Prediction, Mat Input)> chosen)
    {
        var digits = new List<DigitReading>();
        if (_tracker is null)
        {
            foreach (var (box, p, _) in chosen)
            {
                if (p.IsDigit && p.Confidence >= AcceptThreshold)
                {
                    digits.Add(new DigitReading(box, p.Digit, p.Confidence));
                }
            }

            return digits;
        }

        var observations = chosen.Select(c => new DigitObservation(c.Box, c.Prediction.Probabilities));
        foreach (var track in _tracker.Update([.. observations]))
        {
            var isDigit = track.Winner != DigitPrediction.NotDigitClass;
            if (track.Confirmed && isDigit && track.Confidence >= VoteThreshold)
            {
                digits.Add(new DigitReading(track.Box, track.Digit, track.Confidence, track.Id));
            }
        }

        return digits;
    }

    private FrameAnalysis Analysis(
        FrameReadings readings,
        CandidateChoice choice,
        FrameSegmentation segmentation,
        TimeSpan elapsed)
    {
        if (!_options.Debug)
        {
            return new FrameAnalysis(readings, choice.Chosen.Count, elapsed);
        }

        var binary = segmentation.Binary.Clone();
        var boxed = choice.Chosen.Select(c => (c.Box, c.Input.Clone())).ToList();
        return new FrameAnalysis(readings, choice.Chosen.Count, elapsed, binary, boxed);
    }
}
