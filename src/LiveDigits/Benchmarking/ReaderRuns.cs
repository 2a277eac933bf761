using System.Diagnostics;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using LiveDigits.Capture;
using LiveDigits.Capture.Sources;
using LiveDigits.Pipeline.Reader;
using LiveDigits.Pipeline.Streaming;
using Microsoft.Extensions.Logging;

namespace LiveDigits.App.Benchmarking;

/// <summary>Runs a reader through the real <see cref="ReaderPipeline"/> in file mode and in live mode.</summary>
internal static class ReaderRuns
{
    /// <summary>Reads the first frames of a video, every one in order, and times the whole pass.</summary>
    /// <param name="reader">The reader; tracking is reset first.</param>
    /// <param name="video">The video file.</param>
    /// <param name="frames">The most frames to read.</param>
    /// <param name="logging">Creates the pipeline's logger.</param>
    /// <param name="cancel">Stops the run.</param>
    /// <returns>The figures of the pass.</returns>
    public static async Task<FileRun> FileAsync(
        DigitReader reader, string video, int frames, ILoggerFactory logging, CancellationToken cancel)
    {
        reader.ResetTracking();
        using var worker = NewWorker();
        var pipeline = new ReaderPipeline(reader, worker, logging.CreateLogger<ReaderPipeline>());
        var source = new FirstFrames(new VideoFileSource(video), frames);
        var cpu = CpuTime();
        var clock = Stopwatch.StartNew();

        var measured = await pipeline.Process(source)
            .Select(Measure)
            .ToList()
            .ToTask(cancel)
            .ConfigureAwait(false);

        var seconds = clock.Elapsed.TotalSeconds;
        var cpuMs = (CpuTime() - cpu).TotalMilliseconds;
        var count = Math.Max(1, measured.Count);
        return new FileRun(
            measured.Count,
            measured.Count / seconds,
            Spread.Of(measured.Select(m => m.ReadMs).DefaultIfEmpty()).Median,
            cpuMs / count,
            Spread.Of(measured.Select(m => (double)m.Candidates).DefaultIfEmpty()).Median,
            Spread.Of(measured.Select(m => (double)m.Digits).DefaultIfEmpty()).Median);
    }

    /// <summary>Plays frames at a fixed rate through the live path (newest frame wins) and times each result.</summary>
    /// <param name="reader">The reader; tracking is reset first.</param>
    /// <param name="frames">The frames to play, looped.</param>
    /// <param name="count">How many frames the source pushes.</param>
    /// <param name="fps">The rate.</param>
    /// <param name="logging">Creates the pipeline's logger.</param>
    /// <param name="cancel">Stops the run.</param>
    /// <param name="onPipeline">Receives the pipeline once it starts, to watch its counters; optional.</param>
    /// <returns>The latencies and counts of the run.</returns>
    public static async Task<LiveRun> LiveAsync(
        DigitReader reader,
        IReadOnlyList<OpenCvSharp.Mat> frames,
        int count,
        double fps,
        ILoggerFactory logging,
        CancellationToken cancel,
        Action<ReaderPipeline>? onPipeline = null)
    {
        reader.ResetTracking();
        using var worker = NewWorker();
        var pipeline = new ReaderPipeline(reader, worker, logging.CreateLogger<ReaderPipeline>());
        onPipeline?.Invoke(pipeline);
        var clock = Stopwatch.StartNew();
        var source = new PacedSource(frames, fps, count, clock);

        var latencies = await pipeline.Process(source)
            .Select(processed =>
            {
                using (processed)
                {
                    return (clock.Elapsed - processed.Frame.Timestamp).TotalMilliseconds;
                }
            })
            .ToList()
            .ToTask(cancel)
            .ConfigureAwait(false);

        var sorted = latencies.Order().ToArray();
        var counters = pipeline.Counters;
        return new LiveRun(
            counters.Captured,
            counters.Classified,
            counters.Dropped,
            Spread.Percentile(sorted, 50),
            Spread.Percentile(sorted, 95),
            Spread.Percentile(sorted, 99),
            sorted.Count(ms => ms > 1000 / fps));
    }

    private static EventLoopScheduler NewWorker() =>
        new(start => new Thread(start) { IsBackground = true, Name = "bench reader" });

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static (double ReadMs, int Candidates, int Digits) Measure(ProcessedFrame processed)
    {
        using (processed)
        {
            var analysis = processed.Analysis;
            return (analysis.ProcessingTime.TotalMilliseconds, analysis.CandidateCount, analysis.Readings.Digits.Count);
        }
    }

    /// <summary>The first frames of a file source.</summary>
    private sealed class FirstFrames(IFrameSource inner, int count) : IFrameSource
    {
        public string Name => inner.Name;

        public bool IsLive => inner.IsLive;

        public IObservable<Frame> Frames() => inner.Frames().Take(count);
    }
}
