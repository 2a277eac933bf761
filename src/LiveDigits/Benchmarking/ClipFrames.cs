using LiveDigits.Capture;
using OpenCvSharp;

namespace LiveDigits.App.Benchmarking;

/// <summary>The first frames of a video decoded once into memory, so a paced source costs no decoding.</summary>
internal sealed class ClipFrames : IDisposable
{
    private readonly List<Mat> _frames;

    private ClipFrames(List<Mat> frames, double fps)
    {
        _frames = frames;
        Fps = fps;
    }

    /// <summary>Gets the decoded frames.</summary>
    public IReadOnlyList<Mat> Frames => _frames;

    /// <summary>Gets the video's frame rate.</summary>
    public double Fps { get; }

    /// <summary>Decodes up to <paramref name="count"/> frames.</summary>
    /// <param name="path">The video.</param>
    /// <param name="count">The most frames to keep.</param>
    /// <returns>The frames, owned by the result.</returns>
    /// <exception cref="FrameSourceException">The video cannot be opened or holds no frame.</exception>
    public static ClipFrames Load(string path, int count)
    {
        using var capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
        if (!capture.IsOpened())
        {
            throw new FrameSourceException($"{path}: not a video OpenCV can open");
        }

        var frames = new List<Mat>();
        while (frames.Count < count)
        {
            var frame = new Mat();
            if (!capture.Read(frame) || frame.Empty())
            {
                frame.Dispose();
                break;
            }

            frames.Add(frame);
        }

        if (frames.Count == 0)
        {
            throw new FrameSourceException($"{path}: the video holds no frame");
        }

        return new ClipFrames(frames, capture.Fps > 0 ? capture.Fps : 30);
    }

    /// <summary>Releases the frames.</summary>
    public void Dispose()
    {
        foreach (var frame in _frames)
        {
            frame.Dispose();
        }

        _frames.Clear();
    }
}
