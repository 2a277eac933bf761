using LiveDigits.Overlay.Output;
using LiveDigits.Tests.Capture;
using OpenCvSharp;

namespace LiveDigits.Tests.Output;

public sealed class VideoRecorderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("run.mp4")]
    [InlineData("run.avi")]
    public void Dispose_AfterFrames_LeavesAVideoThatPlaysEveryFrame(string name)
    {
        var path = _folder.File(name);

        using (var recorder = new VideoRecorder(path, 25))
        {
            WriteFrames(recorder, 12, TestMedia.DefaultSize);
        }

        Assert.Equal(12, VideoRecorder.CountFrames(path));
    }

    [Fact]
    public void Constructor_UnsupportedExtension_OneLineErrorNamingTheFormats()
    {
        var path = _folder.File("run.mkv");

        var error = Assert.Throws<OutputException>(() => new VideoRecorder(path, 25));

        Assert.Equal($"{path}: record to a .mp4 file (mp4v) or an .avi file (MJPG)", error.Message);
    }

    [Fact]
    public void Constructor_FolderMissing_FailsBeforeAnyFrame()
    {
        var path = Path.Combine(_folder.Path, "no-such-folder", "run.mp4");

        var error = Assert.Throws<OutputException>(() => new VideoRecorder(path, 25));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_FolderNotWritable_FailsBeforeAnyFrame()
    {
        if (!(OperatingSystem.IsLinux()))
        {
            return; // /proc is a folder nobody can create files in on Linux only
        }

        var error = Assert.Throws<OutputException>(() => new VideoRecorder("/proc/run.mp4", 25));

        Assert.Equal(
            "/proc/run.mp4: the folder /proc cannot be written (no file can be created in it)", error.Message);
    }

    [Fact]
    public void Constructor_DiskAlreadyBelowTheReserve_FailsBeforeAnyFrame()
    {
        var path = _folder.File("run.avi");

        var error = Assert.Throws<OutputException>(() => new VideoRecorder(path, 25, freeSpace: () => 10L << 20));

        Assert.Equal(
            $"{path}: the disk has 10 MB free; recording keeps 64 MB free, so it could not record a frame",
            error.Message);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Write_DiskFillsUp_StopsWithAMessageAndKeepsAPlayableVideo()
    {
        var path = _folder.File("full.avi");
        var asked = 0;
        var logger = new ListLogger();

        // Asked once when created, then every 15 frames: room for the first 30.
        using (var recorder = new VideoRecorder(path, 25, logger, () => ++asked < 4 ? long.MaxValue : 1024))
        {
            WriteFrames(recorder, 50, TestMedia.DefaultSize);

            Assert.Equal(30, recorder.FramesWritten);
            Assert.Contains("disk is nearly full", recorder.Failure, StringComparison.Ordinal);
        }

        Assert.Equal(30, VideoRecorder.CountFrames(path));
        Assert.Contains(
            logger.Entries, e => e.Message.Contains("recording stopped after 30 frames", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_FrameSizeChangesMidStream_LetterboxedIntoTheFirstSize()
    {
        var path = _folder.File("sizes.avi");

        using (var recorder = new VideoRecorder(path, 25))
        {
            WriteFrames(recorder, 4, new Size(160, 120));
            WriteFrames(recorder, 4, new Size(333, 101));
            WriteFrames(recorder, 2, new Size(1, 1));
        }

        using var capture = new VideoCapture(path);
        Assert.Equal(160, capture.FrameWidth);
        Assert.Equal(120, capture.FrameHeight);
        Assert.Equal(10, VideoRecorder.CountFrames(path));
    }

    [Fact]
    public void Write_GivenFrameSize_SmallerFrameScaledUpToFillIt()
    {
        var path = _folder.File("given.avi");

        using (var recorder = new VideoRecorder(path, 25, frameSize: new Size(320, 240)))
        {
            using var small = new Mat(120, 160, MatType.CV_8UC3, Scalar.All(230));
            recorder.Write(small);
        }

        using var capture = new VideoCapture(path);
        using var first = new Mat();
        Assert.True(capture.Read(first));
        Assert.Equal(new Size(320, 240), first.Size());
        Assert.InRange(first.At<Vec3b>(4, 4).Item0, 200, 255);
        Assert.InRange(first.At<Vec3b>(235, 315).Item0, 200, 255);
    }

    [Fact]
    public void Write_OddWidth_RecordsAnEvenWidth()
    {
        var path = _folder.File("odd.mp4");

        using (var recorder = new VideoRecorder(path, 25))
        {
            WriteFrames(recorder, 3, new Size(641, 481));
        }

        using var capture = new VideoCapture(path);
        Assert.Equal(640, capture.FrameWidth);
        Assert.Equal(3, VideoRecorder.CountFrames(path));
    }

    public void Dispose() => _folder.Dispose();

    private static void WriteFrames(VideoRecorder recorder, int count, Size size)
    {
        for (var i = 0; i < count; i++)
        {
            using var frame = TestMedia.NumberedFrame(i, size);
            recorder.Write(frame);
        }
    }
}
