using System.Text.Json;

namespace LiveDigits.Capture.Clips;

/// <summary>Reads and writes <c>truth.json</c>.</summary>
public static class ClipTruthFile
{
    /// <summary>Writes the truth as one JSON document (written to a temporary name, then moved).</summary>
    /// <param name="truth">The truth.</param>
    /// <param name="path">The target file.</param>
    /// <exception cref="IOException">The file cannot be written (a full disk); no partial file is left.</exception>
    public static void Write(ClipTruth truth, string path)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(path);
        var partial = path + ".part";
        try
        {
            using var stream = File.Create(partial);
            JsonSerializer.Serialize(stream, truth, ClipTruthJsonContext.Default.ClipTruth);
        }
        catch (IOException)
        {
            // A full disk: the half-written file is of no use to anyone.
            File.Delete(partial);
            throw;
        }

        File.Move(partial, path, overwrite: true);
    }

    /// <summary>Reads a truth file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The truth.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a clip's truth; the message names it.</exception>
    public static ClipTruth Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such truth file", path);
        }

        try
        {
            using var stream = File.OpenRead(path);
            var truth = JsonSerializer.Deserialize(stream, ClipTruthJsonContext.Default.ClipTruth);
            if (truth?.Frames is null || truth.Digits is null || truth.Numbers is null)
            {
                throw new InvalidDataException($"{path}: not a clip truth file (frames, digits or numbers missing)");
            }

            return truth;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a clip truth file ({e.Message})", e);
        }
    }
}
