using OpenCvSharp;

namespace LiveDigits.Capture.Sources;

/// <summary>
/// Counts identical frames in a row by comparing small grey thumbnails, so that a frozen camera (the same
/// buffer delivered again and again) is told from a still scene, whose sensor noise changes every frame.
/// </summary>
internal sealed class FreezeDetector : IDisposable
{
    private static readonly Size s_thumbnail = new(64, 48);

    private readonly int _frozenAfter;
    private Mat _previous = new();
    private Mat _current = new();
    private readonly Mat _grey = new();
    private int _identical;

    public FreezeDetector(int frozenAfter)
    {
        _frozenAfter = frozenAfter;
    }

    /// <summary>Takes the next frame; true once <c>frozenAfter</c> identical frames came in a row.</summary>
    public bool IsFrozen(Mat image)
    {
        Cv2.CvtColor(image, _grey, ColorConversionCodes.BGR2GRAY);
        Cv2.Resize(_grey, _current, s_thumbnail, interpolation: InterpolationFlags.Area);
        var same = !_previous.Empty() && Cv2.Norm(_current, _previous, NormTypes.L1) == 0;
        _identical = same ? _identical + 1 : 0;
        (_previous, _current) = (_current, _previous);
        return _identical >= _frozenAfter;
    }

    /// <summary>Forgets the previous frames, after the camera has been reopened.</summary>
    public void Reset()
    {
        _identical = 0;
        _previous.Dispose();
        _previous = new Mat();
    }

    public void Dispose()
    {
        _previous.Dispose();
        _current.Dispose();
        _grey.Dispose();
    }
}
