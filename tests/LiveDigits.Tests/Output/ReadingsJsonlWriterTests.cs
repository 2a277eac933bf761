using LiveDigits.Overlay.Output;
using LiveDigits.Pipeline.Readings;
using LiveDigits.Tests.Capture;
using OpenCvSharp;

namespace LiveDigits.Tests.Output;

public sealed class ReadingsJsonlWriterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Write_EachFrame_IsOnDiskBeforeTheWriterCloses()
    {
        var path = _folder.File("run.jsonl");
        using var writer = new ReadingsJsonlWriter(path);

        writer.Write(Readings(0));
        writer.Write(Readings(1));

        var lines = ReadingsJsonl.ReadFile(path);
        Assert.Equal([0L, 1L], lines.Select(l => l.Frame));
        Assert.Equal(7, lines[1].Digits[0].Digit);
    }

    [Fact]
    public void Write_DiskFull_StopsWritingWithAMessage()
    {
        if (!(File.Exists("/dev/full")))
        {
            return; // /dev/full, a device that is always full, exists on Linux only
        }

        using var writer = new ReadingsJsonlWriter("/dev/full");

        var written = writer.Write(Readings(0));

        Assert.False(written);
        Assert.StartsWith("/dev/full: writing stopped after 0 lines", writer.Failure, StringComparison.Ordinal);
        Assert.False(writer.Write(Readings(1)));
    }

    [Fact]
    public void Constructor_FolderMissing_FailsNamingTheFolder()
    {
        var path = Path.Combine(_folder.Path, "gone", "run.jsonl");

        var error = Assert.Throws<OutputException>(() => new ReadingsJsonlWriter(path));

        Assert.Equal($"{path}: the folder {Path.GetDirectoryName(path)} does not exist", error.Message);
    }

    public void Dispose() => _folder.Dispose();

    private static FrameReadings Readings(long frame) => new(
        frame,
        frame * 40.0,
        [new DigitReading(new Rect(10, 20, 30, 40), 7, 0.9)],
        [new NumberReading("7", new Rect(10, 20, 30, 40), 0.9)]);
}
