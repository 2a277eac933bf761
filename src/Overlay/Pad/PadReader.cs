using LiveDigits.Pipeline.Classification;
using LiveDigits.Pipeline.Normalisation;
using OpenCvSharp;

namespace LiveDigits.Overlay.Pad;

/// <summary>
/// Reads a pad canvas: finds the digits on it, normalises each exactly as the camera does, classifies
/// them and decides between empty, not a digit, one digit and a number.
/// </summary>
/// <remarks>
/// Thread-safe as long as the classifier is (<see cref="DigitClassifier"/> is). Besides the network's
/// doubt, shape checks refuse what an MNIST network would call a confident digit: a dot (no side longer
/// than twice the pen: scaled up to 20x20 it looks like a 0), a piece much wider than tall, a filled blob,
/// and more pieces than a number on the pad could hold.
/// </remarks>
public sealed class PadReader
{
    /// <summary>The accept threshold for a ten-class network, which has no "not a digit" class.</summary>
    /// <remarks>
    /// The MNIST tutorial network gives a clearly drawn digit 0.95 or more, but a spiral, a cross or a
    /// zigzag 0.75-0.9, so 0.9 turns those away. It still reads a # as a 4 at 0.998: only a network with
    /// a "not a digit" class (the default model) can refuse such shapes.
    /// </remarks>
    public const double TenClassAcceptThreshold = 0.9;

    /// <summary>The accept threshold for an eleven-class network whose model has no sidecar.</summary>
    public const double ElevenClassAcceptThreshold = 0.5;

    /// <summary>The most digits read as one number; more pieces than this is a scribble.</summary>
    public const int MaxDigits = 8;

    /// <summary>
    /// The widest a digit's ink may be for its height. Handwritten digits are taller than wide; a wider
    /// piece is a dash, a wave, or two digits written touching.
    /// </summary>
    public const double MaxAspect = 1.5;

    /// <summary>
    /// The largest share of the 28x28 image a digit's ink may cover: one MNIST test digit in a thousand
    /// covers more than 0.30 (pixels over half bright), so more is a filled blob, not a digit.
    /// </summary>
    public const double MaxInkShare = 0.32;

    private static readonly DigitNormaliser s_normaliser = new();
    private readonly ICandidateClassifier _classifier;

    /// <summary>Creates a reader on a network.</summary>
    /// <param name="classifier">The network; the caller keeps ownership.</param>
    /// <param name="strokeWidth">The pen width in pixels, to tell a dot from a digit.</param>
    /// <param name="acceptThreshold">
    /// The lowest digit probability reported as a digit; null takes the model's sidecar value, else
    /// <see cref="TenClassAcceptThreshold"/> or <see cref="ElevenClassAcceptThreshold"/>.
    /// </param>
    public PadReader(DigitClassifier classifier, int strokeWidth, double? acceptThreshold = null)
        : this(new NetworkClassifier(classifier), strokeWidth, acceptThreshold ?? DefaultThreshold(classifier))
    {
    }

    /// <summary>Creates a reader on any candidate classifier, such as the camera reader's.</summary>
    /// <param name="classifier">Classifies normalised 28x28 digits; the caller keeps ownership.</param>
    /// <param name="strokeWidth">The pen width in pixels, to tell a dot from a digit.</param>
    /// <param name="acceptThreshold">The lowest digit probability reported as a digit.</param>
    public PadReader(ICandidateClassifier classifier, int strokeWidth, double acceptThreshold)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentOutOfRangeException.ThrowIfLessThan(strokeWidth, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(acceptThreshold);
        _classifier = classifier;
        StrokeWidth = strokeWidth;
        AcceptThreshold = acceptThreshold;
    }

    /// <summary>Gets the pen width in pixels.</summary>
    public int StrokeWidth { get; }

    /// <summary>Gets the lowest digit probability reported as a digit.</summary>
    public double AcceptThreshold { get; }

    /// <summary>Reads a canvas.</summary>
    /// <param name="canvas">An 8-bit single-channel image, white ink on black; only read.</param>
    /// <returns>The reading.</returns>
    public PadReading Read(Mat canvas)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        if (canvas.Type() != MatType.CV_8UC1)
        {
            throw new ArgumentException(
                $"The pad canvas has type {canvas.Type()}; expected 8-bit grey.", nameof(canvas));
        }

        var pieces = PadSegmenter.Segment(canvas);
        try
        {
            return pieces.Count switch
            {
                0 => PadReading.Empty,
                > MaxDigits => Rejected("a scribble, not digits"),
                _ => Classify(pieces),
            };
        }
        finally
        {
            foreach (var (_, ink) in pieces)
            {
                ink.Dispose();
            }
        }
    }

    private static double DefaultThreshold(DigitClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        var sidecar = ModelSidecar.TryRead(classifier.ModelPath);
        if (sidecar?.AcceptThreshold is { } fromSidecar)
        {
            return fromSidecar;
        }

        return classifier.HasNotDigitClass ? ElevenClassAcceptThreshold : TenClassAcceptThreshold;
    }

    private static PadReading Rejected(string why) => new(PadReadingKind.NotDigit, string.Empty, 0, [], [], why);

    private PadReading Classify(List<(Rect Box, Mat Ink)> pieces)
    {
        // A dot beside a digit is a stray touch of the pen, not a digit of the number: it is left out.
        var strokes = pieces.Where(p => !IsDot(p.Box)).ToList();
        if (strokes.Count == 0)
        {
            return Rejected(pieces.Count == 1 ? "a dot" : "dots");
        }

        var views = strokes.Select(p => s_normaliser.Normalise(p.Ink)).ToList();
        try
        {
            var bytes = views.Select(ToBytes).ToList();
            var shape = strokes.Any(p => p.Box.Width > MaxAspect * p.Box.Height) ? "too wide for one digit"
                : bytes.Any(b => InkShare(b) > MaxInkShare) ? "a blob of ink"
                : null;
            return Decide(_classifier.Classify(views), bytes, shape);
        }
        finally
        {
            views.ForEach(v => v.Dispose());
        }
    }

    private bool IsDot(Rect box) => Math.Max(box.Width, box.Height) <= 2 * StrokeWidth;

    private static double InkShare(byte[] view) => view.Count(b => b > 127) / (double)view.Length;

    private PadReading Decide(IReadOnlyList<DigitPrediction> predictions, List<byte[]> views, string? shape)
    {
        var weakest = Enumerable.Range(0, predictions.Count).MinBy(i => Strength(predictions[i]));
        var value = string.Concat(predictions.Select(p => p.Digit));
        var confidence = predictions.Min(p => (double)p.Confidence);
        var top = predictions[weakest].Probabilities
            .Select((probability, index) => new ClassProbability(index, probability))
            .OrderByDescending(c => c.Probability)
            .Take(3)
            .ToList();

        if (shape is not null || !predictions.All(p => p.IsDigit && p.Confidence >= AcceptThreshold))
        {
            return new PadReading(PadReadingKind.NotDigit, value, confidence, top, views, shape);
        }

        var kind = predictions.Count == 1 ? PadReadingKind.Digit : PadReadingKind.Number;
        return new PadReading(kind, value, confidence, top, views);
    }

    private static double Strength(DigitPrediction prediction) =>
        prediction.IsDigit ? prediction.Confidence : prediction.Confidence - 1;

    private static byte[] ToBytes(Mat view)
    {
        // The normaliser returns a fresh 28x28 Mat, which is continuous, so this is one copy.
        view.GetArray(out byte[] pixels);
        return pixels;
    }

    /// <summary>Lets a bare network serve as a candidate classifier without taking it over.</summary>
    private sealed class NetworkClassifier(DigitClassifier network) : ICandidateClassifier
    {
        public IReadOnlyList<DigitPrediction> Classify(IReadOnlyList<Mat> normalised) => network.Classify(normalised);
    }
}
