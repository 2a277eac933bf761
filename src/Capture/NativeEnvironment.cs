using System.Runtime.InteropServices;

namespace LiveDigits.Capture;

/// <summary>
/// Sets an environment variable where native libraries read it. OpenCV and FFmpeg read their settings with the
/// C library's getenv, and .NET on Linux and macOS keeps its environment apart from the C library's, so the
/// variable is set through setenv itself as well.
/// </summary>
public static class NativeEnvironment
{
    /// <summary>Sets a variable unless the user has set it already.</summary>
    /// <param name="name">The variable.</param>
    /// <param name="value">Its value.</param>
    /// <remarks>
    /// On Windows only .NET's environment is set; whether OpenCV's getenv sees it there is untested.
    /// </remarks>
    public static void SetDefault(string name, string value)
    {
        if (Environment.GetEnvironmentVariable(name) is not null)
        {
            return;
        }

        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            _ = NativeSetEnv(CString(name), CString(value), 0);
        }

        Environment.SetEnvironmentVariable(name, value);
    }

    private static byte[] CString(string text) => System.Text.Encoding.UTF8.GetBytes(text + "\0");

    // Byte arrays rather than strings: they pass as plain pointers, with no string marshalling to choose.
    [DllImport("libc", EntryPoint = "setenv")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int NativeSetEnv(byte[] name, byte[] value, int overwrite);
}
