using System.Runtime.InteropServices;

namespace LiveDigits.App.Hosting;

/// <summary>
/// Keeps FFmpeg's own messages ("moov atom not found", a decoder's complaints) off standard error, where our
/// one-line error already names the file and the problem. OpenCV reads <c>OPENCV_FFMPEG_LOGLEVEL</c> with the
/// C library's getenv when it first opens a video, and .NET on Linux and macOS keeps its environment apart
/// from the C library's, so the variable is set through setenv itself.
/// </summary>
internal static class FfmpegLog
{
    private const string Variable = "OPENCV_FFMPEG_LOGLEVEL";

    // FFmpeg's AV_LOG_QUIET.
    private const string Quiet = "-8";

    /// <summary>Silences FFmpeg unless the user has set the variable; call before any video is opened.</summary>
    /// <remarks>
    /// On Windows only .NET's environment is set; whether OpenCV's getenv sees it there is untested, so FFmpeg
    /// may still print there.
    /// </remarks>
    public static void Silence()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not null)
        {
            return;
        }

        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            _ = SetEnv(Variable, Quiet, overwrite: 0);
        }

        Environment.SetEnvironmentVariable(Variable, Quiet);
    }

    private static int SetEnv(string name, string value, int overwrite) =>
        NativeSetEnv(CString(name), CString(value), overwrite);

    private static byte[] CString(string text) => System.Text.Encoding.UTF8.GetBytes(text + "\0");

    // Byte arrays rather than strings: they pass as plain pointers, with no string marshalling to choose.
    [DllImport("libc", EntryPoint = "setenv")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int NativeSetEnv(byte[] name, byte[] value, int overwrite);
}
