using LiveDigits.Pipeline.Classification;
using LiveDigits.Pipeline.Normalisation;
using LiveDigits.Pipeline.Tracking;

namespace LiveDigits.Pipeline.Reader;

/// <summary>How a <see cref="DigitReader"/> is put together.</summary>
public sealed record DigitReaderOptions
{
    /// <summary>The accept threshold used when neither the options nor the model's sidecar give one.</summary>
    public const double DefaultAcceptThreshold = 0.5;

    /// <summary>
    /// Gets the network to load when no <see cref="Classifier"/> is given; null means the default model
    /// (<c>models/livedigits.onnx</c>). Its sidecar <c>MODEL.json</c> supplies the accept threshold.
    /// </summary>
    public string? ModelPath { get; init; }

    /// <summary>Gets what runs the network loaded from <see cref="ModelPath"/>; OpenCV's dnn by default.</summary>
    public ClassifierEngine Engine { get; init; } = ClassifierEngine.OpenCvDnn;

    /// <summary>Gets the normaliser; null means <see cref="DigitNormaliser"/>.</summary>
    public ICandidateNormaliser? Normaliser { get; init; }

    /// <summary>
    /// Gets a classifier to use instead of loading <see cref="ModelPath"/>. The reader does not dispose
    /// a classifier it is given.
    /// </summary>
    public ICandidateClassifier? Classifier { get; init; }

    /// <summary>
    /// Gets the lowest probability at which a digit is reported; null takes the model sidecar's
    /// <c>acceptThreshold</c>, else <see cref="DefaultAcceptThreshold"/>.
    /// </summary>
    public double? AcceptThreshold { get; init; }

    /// <summary>
    /// Gets the lowest voted probability at which a tracked digit is reported, when it is below
    /// <see cref="AcceptThreshold"/>. The accept threshold is calibrated for one reading of one candidate; a
    /// vote averages several frames of a track that has been confirmed, so a false accept must fool the
    /// network again and again, and a lower bar finds the digits one frame's blur or glare left unsure
    /// (measured on the generated clips: recall up 4-7 points, precision unchanged within a point).
    /// </summary>
    public double VoteAcceptThreshold { get; init; } = 0.5;

    /// <summary>Gets the most candidates classified per frame; the tallest are kept.</summary>
    /// <remarks>
    /// The cap bounds the cost of a frame of texture or noise. A page full of writing seen whole holds more
    /// digits than 64 (generated clips: up to 89 candidates, nearly all digits, and the cap dropped a tenth
    /// of them), so the cap sits well above a written page.
    /// </remarks>
    public int MaxCandidates { get; init; } = 128;

    /// <summary>Gets whether each analysis keeps the binary frame and every candidate's 28x28 input.</summary>
    public bool Debug { get; init; }

    /// <summary>
    /// Gets whether identities and votes carry across frames (a camera or video); false reads every
    /// frame on its own (unrelated images) and leaves <c>Track</c> empty.
    /// </summary>
    public bool TrackAcrossFrames { get; init; } = true;

    /// <summary>Gets the tracker's options.</summary>
    public TrackerOptions Tracking { get; init; } = new();
}
