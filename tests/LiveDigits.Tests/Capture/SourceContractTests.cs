using System.Reactive.Linq;
using LiveDigits.Capture;
using LiveDigits.Capture.Sources;
using OpenCvSharp;

namespace LiveDigits.Tests.Capture;

public sealed class VideoFileSourceContractTests : FrameSourceContract
{
    protected override int FrameCount => 12;

    protected override IFrameSource CreateSource() =>
        new VideoFileSource(TestMedia.WriteVideo(Folder.File($"clip-{Guid.NewGuid():N}.avi"), FrameCount));

    protected override int OpenCount(IFrameSource source) => ((VideoFileSource)source).OpenCount;
}

public sealed class ImageFilesSourceContractTests : FrameSourceContract
{
    protected override int FrameCount => 11;

    protected override IFrameSource CreateSource()
    {
        var folder = Folder.File(Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        TestMedia.WriteImages(folder, FrameCount);
        return ImageFilesSource.FromPaths([folder]);
    }

    protected override int OpenCount(IFrameSource source) => ((ImageFilesSource)source).OpenCount;
}

/// <summary>The camera code path, driven by a video file standing in for the device.</summary>
public sealed class CameraSourceContractTests : FrameSourceContract
{
    protected override int FrameCount => 10;

    protected override IFrameSource CreateSource()
    {
        var video = TestMedia.WriteVideo(Folder.File($"camera-{Guid.NewGuid():N}.avi"), FrameCount + 5);
        return new CameraSource(
            new CameraOptions { Index = 3 },
            logger: null,
            (_, _) => new VideoCapture(video, VideoCaptureAPIs.FFMPEG),
            [VideoCaptureAPIs.V4L2]);
    }

    protected override int OpenCount(IFrameSource source) => ((CameraSource)source).OpenCount;

    protected override IObservable<Frame> AllFrames(IFrameSource source) => source.Frames().Take(FrameCount);

    protected override TimeSpan ReleaseAfterEnd => TimeSpan.FromSeconds(10);
}

/// <summary>The clip generator: a source with no device, held to the same promises.</summary>
public sealed class ClipSourceContractTests : FrameSourceContract
{
    protected override int FrameCount => 6;

    protected override IFrameSource CreateSource() =>
        new LiveDigits.Capture.Clips.ClipSource(
            new LiveDigits.Capture.Clips.ClipOptions(LiveDigits.Capture.Clips.ClipStyle.Plain, Seed: 5, FrameCount: 6),
            () => TestData.MnistTest);

    // A generated clip opens no device or file; nothing can stay open.
    protected override int OpenCount(IFrameSource source) => 0;
}
