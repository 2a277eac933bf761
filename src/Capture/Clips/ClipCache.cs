using LiveDigits.Capture.Mnist;
using Microsoft.Extensions.Logging;

namespace LiveDigits.Capture.Clips;

/// <summary>Keeps a generated clip in a folder: made on first use, remade when its truth is out of date.</summary>
internal static class ClipCache
{
    public static ClipFiles Ensure(
        ClipOptions options, string folder, ILogger? logger, CancellationToken cancellation)
    {
        var truth = Path.Combine(folder, ClipFiles.TruthFileName);
        var video = Path.Combine(folder, ClipFiles.DefaultVideoFileName);
        if (File.Exists(video) && File.Exists(truth) && IsCurrent(truth, options))
        {
            return new ClipFiles(video, truth);
        }

        var mnist = MnistDataset.LoadTest(logger: logger);
        return ClipWriter.Write(options, folder, mnist, logger: logger, cancellation: cancellation);
    }

    private static bool IsCurrent(string truthPath, ClipOptions options)
    {
        try
        {
            var truth = ClipTruthFile.Read(truthPath);
            return truth.Version == ClipTruth.CurrentVersion
                && truth.Seed == options.Seed
                && truth.FrameCount == options.FrameCount
                && truth.Width == options.Width
                && truth.Height == options.Height
                && truth.Spacing == options.Spacing;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
