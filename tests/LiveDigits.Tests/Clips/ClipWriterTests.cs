using System.Reactive.Linq;
using LiveDigits.Capture;
using LiveDigits.Capture.Clips;
using OpenCvSharp;

namespace LiveDigits.Tests.Clips;

public sealed class ClipWriterTests : IDisposable
{
    private static readonly ClipOptions s_small = new(ClipStyle.Ruled, Seed: 9, FrameCount: 6, Width: 320, Height: 240);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("livedigits-clip-");

    [Theory]
    [InlineData("clip.avi")]
    [InlineData("clip.mp4")]
    public void Write_ShortClip_VideoReadsBackWithEveryFrameAndTruthRoundTrips(string videoName)
    {
        var files = ClipWriter.Write(s_small, _folder.FullName, TestData.MnistTest, videoName);

        using var capture = new VideoCapture(files.Video);
        using var frame = new Mat();
        var read = 0;
        while (capture.Read(frame) && !frame.Empty())
        {
            Assert.Equal(new Size(320, 240), frame.Size());
            read++;
        }

        var truth = ClipTruthFile.Read(files.Truth);
        Assert.Equal(6, read);
        Assert.Equal(6, truth.Frames.Count);
        Assert.Equal(videoName, truth.Video);
        Assert.Equal(Enumerable.Range(0, 6), truth.Frames.Select(f => f.Frame));
        Assert.Equal(files, ClipFiles.InFolder(_folder.FullName));
    }

    [Fact]
    public void Write_UnknownVideoExtension_FailsNamingTheFile()
    {
        var error = Assert.Throws<FrameSourceException>(
            () => ClipWriter.Write(s_small, _folder.FullName, TestData.MnistTest, "clip.mkv"));

        Assert.Contains("clip.mkv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Frames_ClipSource_DeliversEveryFrameInOrderThenCompletes()
    {
        var source = new ClipSource(s_small, () => TestData.MnistTest);

        var frames = await source.Frames().ToList();

        using var owned = new Disposables<Frame>(frames.ToList());
        Assert.Equal(Enumerable.Range(0, 6).Select(i => (long)i), frames.Select(f => f.Index));
        Assert.All(frames, f => Assert.Equal(new Size(320, 240), f.Image.Size()));
        Assert.Equal(TimeSpan.FromSeconds(5 / 30.0), frames[5].Timestamp);
        Assert.False(source.IsLive);
    }

    [Fact]
    public void Read_TruthFileThatIsNotJson_FailsNamingTheFile()
    {
        var path = Path.Combine(_folder.FullName, "truth.json");
        File.WriteAllText(path, "not json");

        var error = Assert.Throws<InvalidDataException>(() => ClipTruthFile.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
