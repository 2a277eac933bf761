using LiveDigits.Overlay.Output;

namespace LiveDigits.App.Hosting;

/// <summary>
/// Tells whether two paths name the same file on disk, not only the same text: a symbolic link or a hard link
/// to an input, given as an output, would otherwise be emptied before the input is read.
/// </summary>
internal static class SameFile
{
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

        return LinuxStat.Identity(a) is { } first && LinuxStat.Identity(b) is { } second && first == second;
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
}
