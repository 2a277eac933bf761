using LiveDigits.Pipeline.Readings;
using OpenCvSharp;

namespace LiveDigits.Tests.Readings;

public sealed class ReadingsJsonlTests
{
    [Fact]
    public void ToLine_FrameWithDigitAndNumber_WritesTheDocumentedSchema()
    {
        var readings = new FrameReadings(
            12,
            400.0,
            [new DigitReading(new Rect(10, 20, 30, 40), 7, 0.98)],
            [new NumberReading("2026", new Rect(1, 2, 3, 4), 0.91)]);

        var line = ReadingsJsonl.ToLine(readings);

        const string Expected = """
            {"frame":12,"timeMs":400,"digits":[{"box":[10,20,30,40],"digit":7,"confidence":0.98}],"numbers":[{"value":"2026","box":[1,2,3,4],"confidence":0.91}]}
            """;
        Assert.Equal(
            Expected,
            line);
    }

    [Fact]
    public void ParseLine_WrittenLineWithSourceAndTrack_RoundTrips()
    {
        var readings = new FrameReadings(
            3, 0, [new DigitReading(new Rect(5, 6, 7, 8), 0, 0.5, Track: 42)], [], Source: "a/b.png");

        var back = ReadingsJsonl.ParseLine(ReadingsJsonl.ToLine(readings));

        Assert.Equal(3, back.Frame);
        Assert.Equal("a/b.png", back.Source);
        Assert.Equal(new Rect(5, 6, 7, 8), back.Digits[0].Box);
        Assert.Equal(42, back.Digits[0].Track);
        Assert.Empty(back.Numbers);
    }

    [Fact]
    public void ReadFile_BadLine_NamesFileAndLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"readings-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path, ["""{"frame":0,"timeMs":0,"digits":[],"numbers":[]}""", "{not json"]);

        try
        {
            var error = Assert.Throws<InvalidDataException>(() => ReadingsJsonl.ReadFile(path));

            Assert.StartsWith($"{path}:2: ", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
