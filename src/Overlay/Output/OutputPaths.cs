using System.Runtime.InteropServices;

namespace LiveDigits.Overlay.Output;

/// <summary>Checks an output path before a run starts, so that a bad path fails now and not after an hour.</summary>
public static class OutputPaths
{
    // struct stat on the 64-bit Linux ABIs: st_mode is at byte 24 on x86-64, 16 on arm64; 256 bytes hold either.
    private const int StatBufferSize = 256;
    private const uint FileTypeMask = 0xF000;
    private const uint RegularFileType = 0x8000;
    private const uint FolderType = 0x4000;

    /// <summary>Checks that <paramref name="path"/> names a file in an existing folder that can be written.</summary>
    /// <param name="path">The output file.</param>
    /// <exception cref="OutputException">The folder is missing or not writable, or the path is a folder.</exception>
    public static void CheckWritable(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new OutputException($"{path}: is a folder; give a file name");
        }

        // A pipe or terminal (/dev/stdout, a named pipe) is written where it is and nothing is created beside
        // it, so its folder need not be writable: /dev is not, for anyone but root.
        if (IsPipeOrDevice(full))
        {
            return;
        }

        var folder = Path.GetDirectoryName(full) ?? full;
        if (!Directory.Exists(folder))
        {
            throw new OutputException($"{path}: the folder {folder} does not exist");
        }

        // Permissions alone do not tell (read-only mounts, ACLs, root): writing a probe file does.
        var probe = Path.Combine(folder, $".livedigits-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"{path}: the folder {folder} cannot be written ({Reason(e, probe)})", e);
        }
    }

    /// <summary>
    /// Tells whether <paramref name="path"/> names an existing pipe, terminal or other device rather than a
    /// file or a folder (links followed). Known on 64-bit Linux only; elsewhere false.
    /// </summary>
    /// <param name="path">A path, existing or not.</param>
    /// <returns>True for a pipe, socket or device.</returns>
    public static bool IsPipeOrDevice(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var modeOffset = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24,
            Architecture.Arm64 => 16,
            _ => -1,
        };
        if (!OperatingSystem.IsLinux() || modeOffset < 0)
        {
            return false;
        }

        // .NET tells a file from a folder but not a pipe from a file: the C library's stat does.
        var buffer = new byte[StatBufferSize];
        try
        {
            if (NativeStat(System.Text.Encoding.UTF8.GetBytes(path + "\0"), buffer) != 0)
            {
                return false;
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }

        var type = BitConverter.ToUInt32(buffer, modeOffset) & FileTypeMask;
        return type is not (RegularFileType or FolderType);
    }

    // The reason without the probe's made-up name, which would only puzzle the user ("Could not find file
    // '/proc/.livedigits-probe-956-1c28...'" for a folder where no file can be created).
    private static string Reason(Exception e, string probe) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "no file can be created in it",
        _ => e.Message.Replace($" : '{probe}'", "", StringComparison.Ordinal)
            .Replace(probe, "a new file", StringComparison.Ordinal),
    };

    // A byte array rather than a struct: it passes as a plain pointer, and the layout is read by hand.
    [DllImport("libc", EntryPoint = "stat")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int NativeStat(byte[] path, [Out] byte[] buffer);
}
