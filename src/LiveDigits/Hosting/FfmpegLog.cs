using LiveDigits.Capture;

namespace LiveDigits.App.Hosting;

/// <summary>
/// Keeps FFmpeg's own messages ("moov atom not found", a decoder's complaints) off standard error, where our
/// one-line error already names the file and the problem. OpenCV reads <c>OPENCV_FFMPEG_LOGLEVEL</c> when it
/// first opens a video.
/// </summary>
internal static class FfmpegLog
{
    // FFmpeg's AV_LOG_QUIET.
    private const string Quiet = "-8";

    /// <summary>Silences FFmpeg unless the user has set the variable; call before any video is opened.</summary>
    public static void Silence() => NativeEnvironment.SetDefault("OPENCV_FFMPEG_LOGLEVEL", Quiet);
}
