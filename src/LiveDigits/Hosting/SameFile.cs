using System.Runtime.InteropServices;

namespace LiveDigits.App.Hosting;

/// <summary>
/// Tells whether two paths name the same file on disk, not only the same text: a symbolic link or a hard link
/// to an input, given as an output, would otherwise be emptied before the input is read.
/// </summary>
internal static class SameFile
{
    // Bigger than struct stat on every 64-bit Linux (144 bytes on x86-64, 128 on arm64).
    private const int StatBufferSize = 256;

    private static readonly StringComparison s_pathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase
            : StringComparison.Ordinal;

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> are one file.</summary>
    /// <param name="a">A path, existing or not.</param>
    /// <param name="b">Another path, existing or not.</param>
    /// <returns>
    /// True when the paths are the same once made absolute and their symbolic links followed, or (on Linux)
    /// when both exist on the same device with the same inode, which is how a hard link is recognised.
    /// </returns>
    public static bool Check(string a, string b)
    {
        if (string.Equals(Resolved(a), Resolved(b), s_pathComparison))
        {
            return true;
        }

        return Identity(a) is { } first && Identity(b) is { } second && first == second;
    }

    private static string Resolved(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            // A link loop or an unreadable link: compared as written, and by inode below.
            return full;
        }
    }

    /// <summary>The file's device and inode; null where they cannot be had (not Linux, missing file).</summary>
    /// <remarks>
    /// .NET gives no inode, so this asks the C library. struct stat begins with st_dev then st_ino, both 64-bit,
    /// on the 64-bit Linux ABIs (x86-64 and arm64) only; elsewhere (Windows, macOS, 32-bit) a hard link to an
    /// input is not recognised and only symbolic links are followed. glibc before 2.33 has no stat symbol, and
    /// then the same holds.
    /// </remarks>
    private static (ulong Device, ulong Inode)? Identity(string path)
    {
        if (!OperatingSystem.IsLinux()
            || RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.Arm64))
        {
            return null;
        }

        var buffer = new byte[StatBufferSize];
        try
        {
            if (NativeStat(System.Text.Encoding.UTF8.GetBytes(path + "\0"), buffer) != 0)
            {
                return null;
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }

        return (BitConverter.ToUInt64(buffer, 0), BitConverter.ToUInt64(buffer, 8));
    }

    // Byte arrays rather than strings or structs: they pass as plain pointers, and the layout is read by hand.
    [DllImport("libc", EntryPoint = "stat")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int NativeStat(byte[] path, [Out] byte[] buffer);
}
