using OpenCvSharp;

namespace LiveDigits.Pipeline.Segmentation;

/// <summary>What the segmenter found in one frame: the binarised frame and the candidates.</summary>
/// <remarks>Owns the binary image and every candidate.</remarks>
public sealed class FrameSegmentation : IDisposable
{
    /// <summary>Creates the result, taking ownership of its parts.</summary>
    /// <param name="binary">The ink mask of the frame (white ink), at segmentation resolution.</param>
    /// <param name="candidates">The candidates, in source-frame pixels.</param>
    public FrameSegmentation(Mat binary, IReadOnlyList<DigitCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(binary);
        ArgumentNullException.ThrowIfNull(candidates);
        Binary = binary;
        Candidates = candidates;
    }

    /// <summary>Gets the ink mask of the whole frame.</summary>
    public Mat Binary { get; }

    /// <summary>Gets the candidates.</summary>
    public IReadOnlyList<DigitCandidate> Candidates { get; }

    /// <summary>Releases the binary image and the candidates. Safe to call more than once.</summary>
    public void Dispose()
    {
        Binary.Dispose();
        foreach (var candidate in Candidates)
        {
            candidate.Dispose();
        }
    }
}
