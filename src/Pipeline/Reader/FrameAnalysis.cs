using LiveDigits.Pipeline.Readings;
using OpenCvSharp;

namespace LiveDigits.Pipeline.Reader;

/// <summary>What the reader made of one frame: the readings, and for the debug view what it saw.</summary>
/// <remarks>Owns <see cref="Binary"/> and the images in <see cref="CandidateInputs"/>.</remarks>
public sealed class FrameAnalysis : IDisposable
{
    /// <summary>Creates an analysis that takes ownership of the debug images.</summary>
    /// <param name="readings">The frame's digits and numbers.</param>
    /// <param name="candidateCount">How many candidates were classified.</param>
    /// <param name="processingTime">How long the reader took.</param>
    /// <param name="binary">The binarised frame (debug only), or null.</param>
    /// <param name="candidateInputs">Each candidate's box and 28x28 input (debug only), or empty.</param>
    public FrameAnalysis(
        FrameReadings readings,
        int candidateCount,
        TimeSpan processingTime,
        Mat? binary = null,
        IReadOnlyList<(Rect Box, Mat Input)>? candidateInputs = null)
    {
        ArgumentNullException.ThrowIfNull(readings);
        Readings = readings;
        CandidateCount = candidateCount;
        ProcessingTime = processingTime;
        Binary = binary;
        CandidateInputs = candidateInputs ?? [];
    }

    /// <summary>Gets the digits and numbers read, in source-frame pixels.</summary>
    public FrameReadings Readings { get; }

    /// <summary>Gets how many candidates were classified.</summary>
    public int CandidateCount { get; }

    /// <summary>Gets the time the reader spent on the frame.</summary>
    public TimeSpan ProcessingTime { get; }

    /// <summary>Gets the binarised frame (ink white) when debugging, at segmentation resolution.</summary>
    public Mat? Binary { get; }

    /// <summary>Gets each candidate's box (source-frame pixels) and 28x28 network input when debugging.</summary>
    public IReadOnlyList<(Rect Box, Mat Input)> CandidateInputs { get; }

    /// <summary>Releases the debug images. Safe to call more than once.</summary>
    public void Dispose()
    {
        Binary?.Dispose();
        foreach (var (_, input) in CandidateInputs)
        {
            input.Dispose();
        }
    }
}
