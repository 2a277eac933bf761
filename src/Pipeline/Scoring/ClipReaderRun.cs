using System.Diagnostics;
using LiveDigits.Capture;
using LiveDigits.Pipeline.Reader;
using LiveDigits.Pipeline.Readings;
using OpenCvSharp;

namespace LiveDigits.Pipeline.Scoring;

/// <summary>Runs a reader over every frame of a clip's video, in order, and times the reading alone.</summary>
public static class ClipReaderRun
{
    /// <summary>Reads every frame of <paramref name="video"/> with <paramref name="reader"/>.</summary>
    /// <param name="video">The clip's video file.</param>
    /// <param name="reader">The reader; its tracking carries across the frames.</param>
    /// <param name="progress">Receives the number of frames read so far.</param>
    /// <param name="cancel">Stops the run between frames.</param>
    /// <returns>Every frame's readings and the time spent reading (decoding the video excluded).</returns>
    /// <exception cref="FrameSourceException">The video cannot be opened.</exception>
    public static ClipReaderRunResult Run(
        string video, DigitReader reader, IProgress<int>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(video);
        ArgumentNullException.ThrowIfNull(reader);
        using var capture = new VideoCapture(video);
        if (!capture.IsOpened())
        {
            throw new FrameSourceException($"{video}: cannot open the clip's video");
        }

        var fps = capture.Fps > 0 ? capture.Fps : 30;
        var readings = new List<FrameReadings>();
        var reading = new Stopwatch();
        using var frame = new Mat();
        for (var index = 0L; capture.Read(frame) && !frame.Empty(); index++)
        {
            cancel.ThrowIfCancellationRequested();
            reading.Start();
            using (var analysis = reader.Read(frame, index, TimeSpan.FromSeconds(index / fps)))
            {
                readings.Add(analysis.Readings);
            }

            reading.Stop();
            progress?.Report(readings.Count);
        }

        return new ClipReaderRunResult(readings, reading.Elapsed);
    }
}
