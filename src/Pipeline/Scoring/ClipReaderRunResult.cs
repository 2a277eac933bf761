using LiveDigits.Pipeline.Readings;

namespace LiveDigits.Pipeline.Scoring;

/// <summary>What a reader read in a clip, and how long the reading took.</summary>
/// <param name="Readings">One entry per frame, in order.</param>
/// <param name="ReadingTime">Time spent in the reader, video decoding excluded.</param>
public sealed record ClipReaderRunResult(IReadOnlyList<FrameReadings> Readings, TimeSpan ReadingTime)
{
    /// <summary>Gets the frames read per second of reading time.</summary>
    public double FramesPerSecond => ReadingTime > TimeSpan.Zero ? Readings.Count / ReadingTime.TotalSeconds : 0;
}
