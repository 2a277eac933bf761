using LiveDigits.Overlay.Output;

namespace LiveDigits.App.Hosting;

/// <summary>
/// Checks a folder an option names for output (<c>make-clip --out</c>, <c>score --save-jsonl</c>) before the
/// work starts, so that a bad folder fails now with one line and not at the end as .NET's exception text.
/// </summary>
internal static class OutputFolder
{
    /// <summary>Creates the folder if missing and checks each file can be written in it.</summary>
    /// <param name="option">The option that names the folder, for the error line.</param>
    /// <param name="folder">The folder.</param>
    /// <param name="fileNames">The names of the files the command writes there.</param>
    /// <exception cref="UsageException">The path is a file.</exception>
    /// <exception cref="OutputException">The folder cannot be created or written; names it and why.</exception>
    public static void Require(string option, string folder, IEnumerable<string> fileNames)
    {
        if (File.Exists(folder))
        {
            throw new UsageException($"{option} {folder}: is a file; name a folder (it is created if missing)");
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // .NET's own text names a made-up file under /proc, or repeats the path after a colon.
            var reason = e switch
            {
                UnauthorizedAccessException => "permission denied",
                FileNotFoundException or DirectoryNotFoundException => "no folder can be created there",
                _ => e.Message.Split(" : '")[0].TrimEnd('.'),
            };
            throw new OutputException($"{option} {folder}: the folder cannot be created ({reason})", e);
        }

        foreach (var name in fileNames)
        {
            OutputPaths.CheckWritable(Path.Combine(folder, name));
        }
    }
}
