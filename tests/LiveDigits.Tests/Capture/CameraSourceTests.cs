using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using LiveDigits.Capture;
using LiveDigits.Capture.Sources;
using OpenCvSharp;

namespace LiveDigits.Tests.Capture;

/// <summary>The camera's fault handling, with video files standing in for the device.</summary>
public sealed class CameraSourceTests : IDisposable
{
    private static readonly CameraOptions s_impatient = new()
    {
        Index = 5,
        RetryFor = TimeSpan.FromMilliseconds(300),
        FirstRetryDelay = TimeSpan.FromMilliseconds(20),
        FrozenAfterFrames = 10,
        BlackCheckFrames = 8,
    };

    private readonly TempFolder _folder = new();
    private readonly ListLogger _logger = new();

    [Fact]
    public async Task Frames_DeviceNeverOpens_FailNamingIndexAndBackendsTried()
    {
        var source = new CameraSource(s_impatient, _logger, (_, _) => new VideoCapture(),
            [VideoCaptureAPIs.MSMF, VideoCaptureAPIs.DSHOW]);

        var error = await Assert.ThrowsAsync<FrameSourceException>(() => source.Frames().ToList().ToTask());

        Assert.StartsWith("camera 5: cannot be opened (tried MSMF, DSHOW)", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, source.OpenCount);
    }

    [Fact]
    public async Task Frames_DeviceOpensButDeliversNothing_ReportedAsBusy()
    {
        var empty = _folder.File("empty.avi");
        TestMedia.WriteVideo(empty, 0);
        var source = new CameraSource(s_impatient, _logger, (_, _) => new VideoCapture(empty), [VideoCaptureAPIs.V4L2]);

        var error = await Assert.ThrowsAsync<FrameSourceException>(() => source.Frames().ToList().ToTask());

        Assert.Equal("camera 5: opened (V4L2) but delivers no frames; is it busy in another program?", error.Message);
    }

    [Fact]
    public async Task Frames_CameraStopsDelivering_ReportRetryThenFailAfterTheFramesItHad()
    {
        var video = TestMedia.WriteVideo(_folder.File("short.avi"), 6);
        var opened = 0;
        var source = new CameraSource(s_impatient, _logger,
            (_, _) => Interlocked.Increment(ref opened) == 1 ? new VideoCapture(video) : new VideoCapture(),
            [VideoCaptureAPIs.V4L2]);
        var frames = new List<Frame>();

        var error = await Assert.ThrowsAsync<FrameSourceException>(
            () => source.Frames().Do(frames.Add).ToList().ToTask());

        using var kept = new Disposables<Frame>(frames);
        Assert.Equal(6, frames.Count);
        Assert.StartsWith("camera 5: stopped delivering frames; no frames after reopening", error.Message,
            StringComparison.Ordinal);
        Assert.Contains(_logger.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning
            && e.Message.Contains("reopening it", StringComparison.Ordinal));
        Assert.True(opened >= 3);
    }

    [Fact]
    public async Task Frames_CameraComesBack_FramesContinueWithTheNextIndex()
    {
        var video = TestMedia.WriteVideo(_folder.File("again.avi"), 4);
        var source = new CameraSource(s_impatient, _logger, (_, _) => new VideoCapture(video), [VideoCaptureAPIs.V4L2]);

        var frames = await source.Frames().Take(10).ToList().ToTask();

        using var kept = new Disposables<Frame>([.. frames]);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), frames.Select(f => f.Index));
        Assert.Contains(_logger.Entries, e => e.Message.Contains("delivers again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Frames_SameFrameOverAndOver_ReportedAsFrozen()
    {
        var video = TestMedia.WriteStillVideo(_folder.File("still.avi"), 40, new Scalar(90, 160, 200));
        var opened = 0;
        var source = new CameraSource(s_impatient, _logger,
            (_, _) => Interlocked.Increment(ref opened) == 1 ? new VideoCapture(video) : new VideoCapture(),
            [VideoCaptureAPIs.V4L2]);

        var error = await Assert.ThrowsAsync<FrameSourceException>(() => source.Frames().Do(f => f.Dispose())
            .ToList().ToTask());

        Assert.StartsWith("camera 5: delivers the same frame over and over (frozen)", error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Frames_BlackPicture_WarnsOnceAboutACoveredLens()
    {
        var video = TestMedia.WriteStillVideo(_folder.File("black.avi"), 9, Scalar.Black);
        var source = new CameraSource(s_impatient with { FrozenAfterFrames = 1000 }, _logger,
            (_, _) => new VideoCapture(video), [VideoCaptureAPIs.V4L2]);

        var frames = await source.Frames().Take(9).ToList().ToTask();

        using var kept = new Disposables<Frame>([.. frames]);
        Assert.Single(_logger.Entries, e => e.Message.Contains("lens covered", StringComparison.Ordinal));
    }

    public void Dispose() => _folder.Dispose();
}
