using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using LiveDigits.Capture;
using LiveDigits.Capture.Sources;

namespace LiveDigits.Tests.Capture;

public sealed class VideoFileSourceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("missing.avi", null, "video file not found")]
    [InlineData("empty.mp4", "", "the video file is empty")]
    [InlineData("notes.mp4", "these are my notes, not a video\n", "not a video OpenCV can open")]
    public async Task Frames_UnusableFile_FailNamingFileAndProblem(string name, string? content, string problem)
    {
        var path = _folder.File(name);
        if (content is not null)
        {
            await File.WriteAllTextAsync(path, content);
        }

        var source = new VideoFileSource(path);

        var error = await Assert.ThrowsAsync<FrameSourceException>(() => source.Frames().ToList().ToTask());
        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, source.OpenCount);
    }

    [Fact]
    public void Validate_ImageGivenAsVideo_SaysToUseTheImageCommand()
    {
        var image = TestMedia.WriteImages(_folder.Path, 1)[0];
        var source = new VideoFileSource(image);

        var error = Assert.Throws<FrameSourceException>(source.Validate);

        Assert.Equal($"{image}: is an image, not a video (use 'livedigits image')", error.Message);
    }

    [Fact]
    public async Task Frames_TruncatedMidStream_YieldWhatCanBeReadThenComplete()
    {
        var path = TestMedia.WriteVideo(_folder.File("cut.avi"), 40);
        var bytes = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)]);
        var source = new VideoFileSource(path);

        var frames = await source.Frames().ToList().ToTask();

        using var kept = new Disposables<Frame>([.. frames]);
        Assert.InRange(frames.Count, 5, 30);
        Assert.Equal(Enumerable.Range(0, frames.Count).Select(i => (long)i), frames.Select(f => f.Index));
    }

    [Fact]
    public async Task Frames_CodecWithoutADecoder_OpensButFailsSayingNoFrameDecodes()
    {
        var path = WriteHapLabelledVideo(_folder.File("hap.avi"));
        var source = new VideoFileSource(path);

        var validate = Assert.Throws<FrameSourceException>(source.Validate);
        var frames = await Assert.ThrowsAsync<FrameSourceException>(() => source.Frames().ToList().ToTask());

        var expected = $"{path}: no frame could be decoded (unsupported codec or damaged file)";
        Assert.Equal(expected, validate.Message);
        Assert.Equal(expected, frames.Message);
        Assert.Equal(0, source.OpenCount);
    }

    [Fact]
    public async Task Frames_KnownFrameRate_TimestampsFollowIt()
    {
        var path = TestMedia.WriteVideo(_folder.File("rate.avi"), 5, fps: 20);
        var source = new VideoFileSource(path);

        var frames = await source.Frames().ToList().ToTask();

        using var kept = new Disposables<Frame>([.. frames]);
        Assert.Equal(TimeSpan.FromMilliseconds(200), frames[4].Timestamp);
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>
    /// An MJPG AVI relabelled as Hap (fourcc Hap1): FFmpeg knows the tag, so the file opens, but OpenCV's
    /// FFmpeg build has no Hap decoder (and the data is JPEG anyway), so no frame decodes. No encoder
    /// for a codec OpenCV cannot read is needed.
    /// </summary>
    internal static string WriteHapLabelledVideo(string path)
    {
        TestMedia.WriteVideo(path, 5);
        var bytes = File.ReadAllBytes(path);
        var mjpg = "MJPG"u8.ToArray();
        var labels = 0;
        for (var at = bytes.AsSpan().IndexOf(mjpg); at >= 0; at = NextIndex(bytes, mjpg, at + 1))
        {
            "Hap1"u8.CopyTo(bytes.AsSpan(at));
            labels++;
        }

        Assert.True(labels > 0, "the AVI written by OpenCV names no MJPG codec to relabel");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static int NextIndex(byte[] bytes, byte[] value, int from)
    {
        var found = bytes.AsSpan(from).IndexOf(value);
        return found < 0 ? -1 : from + found;
    }
}
