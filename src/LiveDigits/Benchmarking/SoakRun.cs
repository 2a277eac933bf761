using System.Diagnostics;
using System.Globalization;
using LiveDigits.Pipeline.Reader;
using LiveDigits.Pipeline.Streaming;
using Microsoft.Extensions.Logging;
using OpenCvSharp;

namespace LiveDigits.App.Benchmarking;

/// <summary>
/// A long live run that samples memory at intervals: the managed heap after the last collection and the
/// process's resident set (which holds OpenCV's native buffers), to show whether either grows.
/// </summary>
internal static class SoakRun
{
    /// <summary>Runs the reader live for <paramref name="duration"/> and prints one line per sample.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="frames">The frames to play, looped.</param>
    /// <param name="fps">The rate.</param>
    /// <param name="duration">How long to run.</param>
    /// <param name="interval">Time between samples.</param>
    /// <param name="output">Receives the lines.</param>
    /// <param name="logging">Creates the pipeline's logger.</param>
    /// <param name="cancel">Stops the run.</param>
    /// <returns>The live figures of the whole run.</returns>
    public static async Task<LiveRun> RunAsync(
        DigitReader reader,
        IReadOnlyList<Mat> frames,
        double fps,
        TimeSpan duration,
        TimeSpan interval,
        TextWriter output,
        ILoggerFactory logging,
        CancellationToken cancel)
    {
        ReaderPipeline? pipeline = null;
        var clock = Stopwatch.StartNew();
        var count = (int)Math.Ceiling(duration.TotalSeconds * fps);
        var run = ReaderRuns.LiveAsync(reader, frames, count, fps, logging, cancel, p => pipeline = p);
        var samples = new List<(double Heap, double Rss)>();
        using (var timer = new PeriodicTimer(interval))
        {
            while (await Task.WhenAny(timer.WaitForNextTickAsync(cancel).AsTask(), run).ConfigureAwait(false) != run)
            {
                samples.Add(Sample(clock.Elapsed, pipeline?.Counters, output));
            }
        }

        var result = await run.ConfigureAwait(false);
        samples.Add(Sample(clock.Elapsed, pipeline?.Counters, output));
        PrintGrowth(samples, output);
        return result;
    }

    private static (double Heap, double Rss) Sample(TimeSpan elapsed, PipelineCounters? counters, TextWriter output)
    {
        using var process = Process.GetCurrentProcess();
        var heap = GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0;
        var rss = process.WorkingSet64 / 1048576.0;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"soak t {elapsed.TotalSeconds:0}s  captured {counters?.Captured ?? 0}  " +
            $"processed {counters?.Classified ?? 0}  dropped {counters?.Dropped ?? 0}  " +
            $"heap MB {heap:0.0}  rss MB {rss:0.0}"));
        return (heap, rss);
    }

    private static void PrintGrowth(List<(double Heap, double Rss)> samples, TextWriter output)
    {
        // The first sample still contains start-up (JIT, the network's buffers, the first frames), so growth
        // is measured from the second one when there is one.
        var first = samples.Count > 2 ? samples[1] : samples[0];
        var last = samples[^1];
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"soak growth after warm-up: heap MB {last.Heap - first.Heap:+0.0;-0.0;0.0}  " +
            $"rss MB {last.Rss - first.Rss:+0.0;-0.0;0.0} ({first.Rss:0.0} -> {last.Rss:0.0})"));
    }
}
