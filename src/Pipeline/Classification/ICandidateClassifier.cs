using OpenCvSharp;

namespace LiveDigits.Pipeline.Classification;

/// <summary>Classifies a frame's normalised candidates, all in one call.</summary>
/// <remarks>
/// The reader calls this from its one worker thread with every candidate of a frame, so an
/// implementation can batch them. The reader does not dispose a classifier it was given.
/// </remarks>
public interface ICandidateClassifier
{
    /// <summary>Classifies normalised candidates.</summary>
    /// <param name="normalised">28x28 8-bit images, white ink on black; only read.</param>
    /// <returns>One prediction per image, in order.</returns>
    IReadOnlyList<DigitPrediction> Classify(IReadOnlyList<Mat> normalised);
}
