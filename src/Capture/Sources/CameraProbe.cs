using OpenCvSharp;

namespace LiveDigits.Capture.Sources;

/// <summary>Finds the cameras that can be opened and deliver a frame.</summary>
public static class CameraProbe
{
    /// <summary>A camera that opened and delivered a frame.</summary>
    /// <param name="Index">Its index, as given to <c>--index</c>.</param>
    /// <param name="Backend">The backend that opened it.</param>
    /// <param name="Width">The width of its first frame.</param>
    /// <param name="Height">The height of its first frame.</param>
    public sealed record Found(int Index, VideoCaptureAPIs Backend, int Width, int Height);

    /// <summary>
    /// Tries camera indexes 0 to <paramref name="highestIndex"/> with this platform's backends; on Linux only
    /// the indexes with a <c>/dev/videoN</c> device are tried, since opening a missing one is slow and noisy.
    /// </summary>
    /// <param name="highestIndex">The last index tried.</param>
    /// <returns>The cameras that delivered a frame, by index.</returns>
    public static IReadOnlyList<Found> List(int highestIndex = 9)
    {
        var found = new List<Found>();
        for (var index = 0; index <= highestIndex; index++)
        {
            if (OperatingSystem.IsLinux() && !File.Exists($"/dev/video{index}"))
            {
                continue;
            }

            foreach (var backend in CameraBackends.ForThisPlatform())
            {
                using var capture = new VideoCapture(index, backend);
                using var frame = new Mat();
                if (capture.IsOpened() && capture.Read(frame) && !frame.Empty())
                {
                    found.Add(new Found(index, backend, frame.Width, frame.Height));
                    break;
                }
            }
        }

        return found;
    }
}
