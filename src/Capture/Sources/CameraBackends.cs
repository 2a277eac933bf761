using OpenCvSharp;

namespace LiveDigits.Capture.Sources;

/// <summary>The OpenCV capture backends tried, in order, on this operating system.</summary>
public static class CameraBackends
{
    /// <summary>Gets the backends for this platform, chosen explicitly rather than left to OpenCV's guess.</summary>
    /// <returns>V4L2 on Linux; Media Foundation then DirectShow on Windows; AVFoundation on macOS.</returns>
    public static IReadOnlyList<VideoCaptureAPIs> ForThisPlatform()
    {
        if (OperatingSystem.IsLinux())
        {
            return [VideoCaptureAPIs.V4L2];
        }

        if (OperatingSystem.IsWindows())
        {
            return [VideoCaptureAPIs.MSMF, VideoCaptureAPIs.DSHOW];
        }

        return OperatingSystem.IsMacOS() ? [VideoCaptureAPIs.AVFOUNDATION] : [VideoCaptureAPIs.ANY];
    }

    /// <summary>Names the backends for a message, such as <c>V4L2</c> or <c>MSMF, DSHOW</c>.</summary>
    /// <param name="backends">The backends.</param>
    /// <returns>Their names joined by commas.</returns>
    public static string Describe(IEnumerable<VideoCaptureAPIs> backends) => string.Join(", ", backends.Select(NameOf));

    /// <summary>Names one backend the way its documentation does.</summary>
    /// <param name="backend">The backend.</param>
    /// <returns>Its name, such as <c>V4L2</c>.</returns>
    public static string NameOf(VideoCaptureAPIs backend) => backend switch
    {
        // V4L and V4L2 share one value, whose enum name would print as the older V4L.
        VideoCaptureAPIs.V4L2 => "V4L2",
        VideoCaptureAPIs.MSMF => "MSMF",
        VideoCaptureAPIs.DSHOW => "DSHOW",
        VideoCaptureAPIs.AVFOUNDATION => "AVFOUNDATION",
        _ => backend.ToString(),
    };
}
