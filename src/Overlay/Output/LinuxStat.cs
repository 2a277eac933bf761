using System.Runtime.InteropServices;

namespace LiveDigits.Overlay.Output;

/// <summary>
/// The C library's stat, for what .NET does not tell: a file's device and inode (is an output a hard link to an
/// input?) and its type (is it a pipe or a device?).
/// </summary>
/// <remarks>
/// struct stat is read by hand from a byte buffer: st_dev then st_ino, both 64-bit, then st_mode at byte 24 on
/// x86-64 and byte 16 on arm64, the 64-bit Linux ABIs. Everywhere else (Windows, macOS, 32-bit), and with a
/// glibc before 2.33 that has no stat symbol, nothing is known.
/// </remarks>
public static class LinuxStat
{
    private const int BufferSize = 256;
    private const uint FileTypeMask = 0xF000;
    private const uint RegularFileType = 0x8000;
    private const uint FolderType = 0x4000;

    /// <summary>The file's device and inode; null where they cannot be had (not 64-bit Linux, missing file).</summary>
    /// <param name="path">A path; links are followed.</param>
    /// <returns>The device and inode, or null.</returns>
    public static (ulong Device, ulong Inode)? Identity(string path) =>
        Read(path) is { } buffer ? (BitConverter.ToUInt64(buffer, 0), BitConverter.ToUInt64(buffer, 8)) : null;

    /// <summary>Whether the path is a pipe, socket or device; false where that cannot be known.</summary>
    /// <param name="path">A path; links are followed.</param>
    /// <returns>True for a pipe, socket or device.</returns>
    public static bool IsPipeOrDevice(string path)
    {
        if (Read(path) is not { } buffer)
        {
            return false;
        }

        var modeOffset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 24 : 16;
        var type = BitConverter.ToUInt32(buffer, modeOffset) & FileTypeMask;
        return type is not (RegularFileType or FolderType);
    }

    private static byte[]? Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsLinux()
            || RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.Arm64))
        {
            return null;
        }

        var buffer = new byte[BufferSize];
        try
        {
            return NativeStat(System.Text.Encoding.UTF8.GetBytes(path + "\0"), buffer) == 0 ? buffer : null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
    }

    // Byte arrays rather than strings or structs: they pass as plain pointers, and the layout is read by hand.
    [DllImport("libc", EntryPoint = "stat")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int NativeStat(byte[] path, [Out] byte[] buffer);
}
