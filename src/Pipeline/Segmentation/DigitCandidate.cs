using OpenCvSharp;

namespace LiveDigits.Pipeline.Segmentation;

/// <summary>A region of a frame that may hold one digit: its box and its ink.</summary>
/// <remarks>The candidate owns <see cref="Ink"/> and disposes it.</remarks>
public sealed class DigitCandidate : IDisposable
{
    /// <summary>Creates a candidate that takes ownership of <paramref name="ink"/>.</summary>
    /// <param name="box">The box in source-frame pixels.</param>
    /// <param name="ink">The ink inside the box, white on black, 8-bit single-channel.</param>
    public DigitCandidate(Rect box, Mat ink)
    {
        ArgumentNullException.ThrowIfNull(ink);
        Box = box;
        Ink = ink;
    }

    /// <summary>Gets the box in source-frame pixels.</summary>
    public Rect Box { get; }

    /// <summary>Gets the candidate's ink, white on black, at segmentation resolution.</summary>
    public Mat Ink { get; }

    /// <summary>Releases the ink. Safe to call more than once.</summary>
    public void Dispose() => Ink.Dispose();
}
