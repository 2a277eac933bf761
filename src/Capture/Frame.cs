using OpenCvSharp;

namespace LiveDigits.Capture;

/// <summary>
/// One picture from a frame source: where it sits in the stream, when it was captured, and its pixels.
/// </summary>
/// <remarks>
/// A frame owns its <see cref="Image"/>. Whoever receives a frame from a source owns the frame and must
/// dispose it (or hand it on to one named owner); a dropped frame is disposed by whoever drops it.
/// </remarks>
public sealed class Frame : IDisposable
{
    /// <summary>Creates a frame that takes ownership of <paramref name="image"/>.</summary>
    /// <param name="index">The 0-based position of the frame in its source.</param>
    /// <param name="timestamp">When the frame was captured, measured from the start of the source.</param>
    /// <param name="image">The pixels, 8-bit BGR; the frame disposes it.</param>
    /// <param name="sourcePath">The file the frame came from, for image inputs; otherwise null.</param>
    /// <param name="sourceScale">Source pixels per frame pixel; above 1 when the source shrank a huge image.</param>
    public Frame(long index, TimeSpan timestamp, Mat image, string? sourcePath = null, double sourceScale = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sourceScale);
        Index = index;
        Timestamp = timestamp;
        Image = image;
        SourcePath = sourcePath;
        SourceScale = sourceScale;
    }

    /// <summary>Gets the 0-based position of the frame in its source.</summary>
    public long Index { get; }

    /// <summary>Gets the capture time relative to the start of the source.</summary>
    public TimeSpan Timestamp { get; }

    /// <summary>Gets the pixels (8-bit BGR). Valid until the frame is disposed.</summary>
    public Mat Image { get; }

    /// <summary>Gets the file the frame was read from, for image inputs; null for streams.</summary>
    public string? SourcePath { get; }

    /// <summary>
    /// Gets how many source pixels one frame pixel stands for: 1 unless the source shrank a huge image to
    /// spare memory. Boxes found in the frame are multiplied by it to report them in source pixels.
    /// </summary>
    public double SourceScale { get; }

    /// <summary>Releases the image. Safe to call more than once.</summary>
    public void Dispose() => Image.Dispose();
}
