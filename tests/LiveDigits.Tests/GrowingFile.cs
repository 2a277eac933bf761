namespace LiveDigits.Tests;

/// <summary>Reads a file another process is still writing.</summary>
internal static class GrowingFile
{
    /// <summary>Counts the complete lines written so far; 0 while the file does not exist yet.</summary>
    public static int LineCount(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Count(c => c == '\n');
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
