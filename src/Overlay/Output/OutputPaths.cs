namespace LiveDigits.Overlay.Output;

/// <summary>Checks an output path before a run starts, so that a bad path fails now and not after an hour.</summary>
public static class OutputPaths
{
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
        if (LinuxStat.IsPipeOrDevice(full))
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
}
