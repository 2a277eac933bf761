using Microsoft.Extensions.Logging;
using LiveDigits.Pipeline.Reader;
using OpenCvSharp;

namespace LiveDigits.App.Benchmarking;

/// <summary>
/// The bench proper: both readers in file mode and in live mode, repeated, interleaved so that a noisy
/// moment on a shared machine hits both, then printed with the ratios taken within each repetition.
/// </summary>
/// <param name="video">The clip for file mode.</param>
/// <param name="fileFrames">The most frames read in file mode.</param>
/// <param name="liveFrames">Frames pushed in live mode.</param>
/// <param name="fps">The live rate.</param>
/// <param name="logging">Creates the pipelines' loggers.</param>
/// <param name="cancel">Stops the run.</param>
internal sealed class Measurement(
    string video, int fileFrames, int liveFrames, double fps, ILoggerFactory logging, CancellationToken cancel)
{
    private const int WarmUpFrames = 5;

    /// <summary>Warms both readers up, measures them <paramref name="repeat"/> times and prints the figures.</summary>
    /// <param name="reader">The default reader.</param>
    /// <param name="naive">The naive baseline reader.</param>
    /// <param name="frames">Decoded clip frames for the live source.</param>
    /// <param name="repeat">Repetitions.</param>
    /// <returns>A task that ends when the figures are printed.</returns>
    public async Task MeasureAsync(DigitReader reader, DigitReader naive, IReadOnlyList<Mat> frames, int repeat)
    {
        // The first frames pay for JIT compilation and OpenCV's lazy allocations; they are not measured.
        await ReaderRuns.FileAsync(reader, video, WarmUpFrames, logging, cancel).ConfigureAwait(false);
        await ReaderRuns.FileAsync(naive, video, WarmUpFrames, logging, cancel).ConfigureAwait(false);

        var fileDefault = new List<FileRun>();
        var fileNaive = new List<FileRun>();
        var liveDefault = new List<LiveRun>();
        var liveNaive = new List<LiveRun>();
        for (var i = 0; i < repeat; i++)
        {
            fileDefault.Add(await File(reader).ConfigureAwait(false));
            fileNaive.Add(await File(naive).ConfigureAwait(false));
            liveDefault.Add(await Live(reader, frames).ConfigureAwait(false));
            liveNaive.Add(await Live(naive, frames).ConfigureAwait(false));
        }

        var output = Console.Out;
        BenchReport.Content(output, fileDefault);
        BenchReport.File(output, "default", fileDefault);
        BenchReport.File(output, "naive", fileNaive);
        BenchReport.Ratio(output, "file fps ratio default/naive", fileDefault.Zip(fileNaive, (d, n) => d.Fps / n.Fps));
        BenchReport.Live(output, "default", liveDefault);
        BenchReport.Live(output, "naive", liveNaive);
        BenchReport.Ratio(output, "live p50 ratio naive/default", liveNaive.Zip(liveDefault, (n, d) => n.P50 / d.P50));
    }

    private Task<FileRun> File(DigitReader reader) =>
        ReaderRuns.FileAsync(reader, video, fileFrames, logging, cancel);

    private Task<LiveRun> Live(DigitReader reader, IReadOnlyList<Mat> frames) =>
        ReaderRuns.LiveAsync(reader, frames, liveFrames, fps, logging, cancel);
}
