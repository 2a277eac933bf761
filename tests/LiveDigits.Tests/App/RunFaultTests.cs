using System.Reactive.Concurrency;
using System.Reactive.Linq;
using LiveDigits.App.Running;
using LiveDigits.Capture;
using LiveDigits.Capture.Sources;
using LiveDigits.Overlay.Output;
using LiveDigits.Pipeline.Classification;
using LiveDigits.Pipeline.Reader;
using LiveDigits.Pipeline.Readings;
using LiveDigits.Pipeline.Streaming;
using LiveDigits.Tests.Capture;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;

namespace LiveDigits.Tests.App;

/// <summary>Faults while running: the run goes on past a bad frame, and its files survive a failing source.</summary>
public sealed class RunFaultTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Pipeline_OneFrameThrows_LoggedWithItsIndexAndTheRunGoesOn()
    {
        var images = TestMedia.WriteImages(_folder.Path, 5);
        using var reader = new DigitReader(new DigitReaderOptions
        {
            Classifier = new FailingOnce(callToFail: 3),
            TrackAcrossFrames = false,
        });
        using var worker = new EventLoopScheduler();
        var logger = new ListLogger<ReaderPipeline>();
        var pipeline = new ReaderPipeline(reader, worker, logger);

        var processed = await pipeline.Process(new ImageFilesSource(images)).ToList();

        using var kept = new Disposables<ProcessedFrame>([.. processed]);
        Assert.Equal([0L, 1L, 2L, 3L, 4L], processed.Select(p => p.Frame.Index));
        Assert.Equal(1, pipeline.Counters.Failed);
        Assert.Contains(logger.Entries, e => e.Message.StartsWith("Reading frame 2 of", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_SourceFailsMidStream_FilesHoldEveryFrameBeforeTheFailure()
    {
        var video = TestMedia.WriteSheetVideo(_folder.File("clip.avi"), 6);
        var source = new FailingAfter(new VideoFileSource(video), frames: 6);
        var settings = new RunSettings
        {
            ModelPath = AppProcess.TestModel,
            JsonlPath = _folder.File("run.jsonl"),
            RecordPath = _folder.File("run.avi"),
        };
        var run = new ReadingRun(source, settings, NullLoggerFactory.Instance);

        var summary = await run.RunAsync(CancellationToken.None);

        Assert.IsType<FrameSourceException>(summary.SourceError);
        Assert.Equal(6, ReadingsJsonl.ReadFile(settings.JsonlPath).Count);
        Assert.Equal(6, VideoRecorder.CountFrames(settings.RecordPath));
    }

    [Fact]
    public async Task Run_FrameSizeChangesMidStream_EveryFrameReadAndRecorded()
    {
        // A camera that switches mode, or a video whose resolution changes: six frames at one size, six at
        // another, go through tracking, the overlay and both files; the recording keeps its first size.
        Size[] sizes = [new(320, 240), new(640, 360)];
        var source = new ChangingSizeSource(sizes, frames: 12);
        var settings = new RunSettings
        {
            ModelPath = AppProcess.TestModel,
            JsonlPath = _folder.File("run.jsonl"),
            RecordPath = _folder.File("run.avi"),
            IsStream = true,
        };
        var run = new ReadingRun(source, settings, NullLoggerFactory.Instance);

        var summary = await run.RunAsync(CancellationToken.None);

        Assert.Null(summary.SourceError);
        Assert.Null(summary.OutputFailure);
        var lines = ReadingsJsonl.ReadFile(settings.JsonlPath);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (long)i), lines.Select(l => l.Frame));
        Assert.NotEmpty(lines[5].Digits);
        Assert.NotEmpty(lines[11].Digits);
        Assert.All(lines, l => Assert.All(l.Digits, d =>
        {
            var size = sizes[l.Frame / 6];
            Assert.InRange(d.Box.Right, 1, size.Width);
            Assert.InRange(d.Box.Bottom, 1, size.Height);
        }));
        Assert.Equal(12, VideoRecorder.CountFrames(settings.RecordPath));
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>Frames of a written sheet, the first half at the first size, the rest at the second.</summary>
    private sealed class ChangingSizeSource(Size[] sizes, int frames) : IFrameSource
    {
        public string Name => "changing camera";

        public bool IsLive => false;

        public IObservable<Frame> Frames() => Enumerable.Range(0, frames).Select(i =>
        {
            var size = sizes[i * sizes.Length / frames];
            var scale = size.Height / 120.0;
            var page = Reader.SyntheticSheet.Page(
                size.Width, size.Height, [("47", new Point(size.Width / 4, size.Height * 2 / 3))], scale: scale);
            return new Frame(i, TimeSpan.FromMilliseconds(i * 40), page);
        }).ToObservable();
    }

    /// <summary>A classifier that throws on one call, as a bug or a native failure would.</summary>
    private sealed class FailingOnce(int callToFail) : ICandidateClassifier
    {
        private int _calls;

        public IReadOnlyList<DigitPrediction> Classify(IReadOnlyList<Mat> normalised)
        {
            if (++_calls == callToFail)
            {
                throw new InvalidOperationException("a layer failed");
            }

            return [.. normalised.Select(_ => new DigitPrediction(new float[] { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0 }))];
        }
    }

    /// <summary>Passes a source's first frames on, then fails as an unplugged camera does.</summary>
    private sealed class FailingAfter(IFrameSource inner, int frames) : IFrameSource
    {
        public string Name => "unplugged camera";

        public bool IsLive => false;

        public IObservable<Frame> Frames() => inner.Frames().Take(frames)
            .Concat(Observable.Throw<Frame>(new FrameSourceException("camera 0: stopped delivering frames")));
    }
}
