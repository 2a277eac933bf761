using OpenCvSharp;

namespace LiveDigits.Pipeline.Normalisation;

/// <summary>Turns one candidate's ink into the 28x28 image a digit classifier takes.</summary>
/// <remarks>
/// Every mode (camera, video, image, drawing pad) goes through the same normaliser so that a digit
/// looks the same to the classifier wherever it came from. Implementations are called from several
/// threads at once: the reader normalises a frame's candidates in parallel.
/// </remarks>
public interface ICandidateNormaliser
{
    /// <summary>Normalises one candidate.</summary>
    /// <param name="ink">
    /// An 8-bit single-channel ink mask or grey crop, ink white on black, of any size (1x1 allowed).
    /// It is only read.
    /// </param>
    /// <returns>A new 28x28 8-bit single-channel image, white on black, owned by the caller.</returns>
    /// <exception cref="ArgumentException"><paramref name="ink"/> is empty or not 8-bit single-channel.</exception>
    Mat Normalise(Mat ink);
}
