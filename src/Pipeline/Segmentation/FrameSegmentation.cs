using OpenCvSharp;

namespace LiveDigits.Pipeline.Segmentation;

/// <summary>What the segmenter found in one frame: the binarised frame and the candidates.</summary>
/// <remarks>Owns the binary and paper images, every candidate and every merge.</remarks>
public sealed class FrameSegmentation : IDisposable
{
    /// <summary>Creates the result, taking ownership of its parts.</summary>
    /// <param name="binary">The ink mask of the frame (white ink), at segmentation resolution.</param>
    /// <param name="candidates">The candidates, in source-frame pixels.</param>
    /// <param name="merges">Hypotheses that pieces of ink are one digit; none when null.</param>
    /// <param name="paper">The frame divided by its paper brightness (8-bit, 255 is bare paper), or null.</param>
    public FrameSegmentation(
        Mat binary,
        IReadOnlyList<DigitCandidate> candidates,
        IReadOnlyList<CandidateMerge>? merges = null,
        Mat? paper = null)
    {
        ArgumentNullException.ThrowIfNull(binary);
        ArgumentNullException.ThrowIfNull(candidates);
        Binary = binary;
        Candidates = candidates;
        Merges = merges ?? [];
        Paper = paper;
    }

    /// <summary>Gets the ink mask of the whole frame.</summary>
    public Mat Binary { get; }

    /// <summary>Gets the candidates: the tallest when the frame held more than the segmenter's cap.</summary>
    public IReadOnlyList<DigitCandidate> Candidates { get; }

    /// <summary>Gets the hypotheses that several pieces of ink, candidates or smaller, are one digit.</summary>
    public IReadOnlyList<CandidateMerge> Merges { get; }

    /// <summary>
    /// Gets the frame divided by its paper brightness, where a candidate's ink can be cut again at its own
    /// level; null when the segmenter did not keep it.
    /// </summary>
    public Mat? Paper { get; }

    /// <summary>
    /// Gets the boxes of the pieces of ink that are not candidates: shorter than the smallest digit looked
    /// for, or more than three times wider than tall. On a printed page these are a word's x-height letters
    /// and bold letters printed close enough to touch; the word test counts them as letters.
    /// </summary>
    public IReadOnlyList<Rect> Fragments { get; init; } = [];

    /// <summary>
    /// Gets the boxes of the candidates the segmenter's cap left out (the shortest), in the frame's order: found
    /// but given no ink, so they cannot be read, only counted with their neighbours.
    /// </summary>
    public IReadOnlyList<Rect> Dropped { get; init; } = [];

    /// <summary>Releases the images, the candidates and the merges. Safe to call more than once.</summary>
    public void Dispose()
    {
        Binary.Dispose();
        Paper?.Dispose();
        foreach (var candidate in Candidates)
        {
            candidate.Dispose();
        }

        foreach (var merge in Merges)
        {
            merge.Dispose();
        }
    }
}
