using LiveDigits.Capture;
using LiveDigits.Pipeline.Reader;

namespace LiveDigits.Pipeline.Streaming;

/// <summary>A frame together with what the reader made of it.</summary>
/// <remarks>The subscriber that receives it owns it and disposes it, which disposes both parts.</remarks>
public sealed class ProcessedFrame : IDisposable
{
    /// <summary>Creates the pair, taking ownership of both.</summary>
    /// <param name="frame">The frame.</param>
    /// <param name="analysis">The reader's analysis of it.</param>
    public ProcessedFrame(Frame frame, FrameAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(analysis);
        Frame = frame;
        Analysis = analysis;
    }

    /// <summary>Gets the frame.</summary>
    public Frame Frame { get; }

    /// <summary>Gets the analysis.</summary>
    public FrameAnalysis Analysis { get; }

    /// <summary>Releases the frame and the analysis. Safe to call more than once.</summary>
    public void Dispose()
    {
        Analysis.Dispose();
        Frame.Dispose();
    }
}
