using LiveDigits.Pipeline.Reader;
using OpenCvSharp;

namespace LiveDigits.Tests.Reader;

public sealed class DigitReaderTests
{
    [Fact]
    public void Read_SheetWithEightDigits_FindsEightCandidatesInSourcePixels()
    {
        using var reader = new DigitReader(new DigitReaderOptions
        {
            ModelPath = TestData.FixtureModel("tiny-11.onnx"),
            AcceptThreshold = 0,
        });
        using var page = SyntheticSheet.Page(640, 360, [("2026", new Point(60, 120)), ("1979", new Point(60, 260))]);

        using var analysis = reader.Read(page, 7, TimeSpan.FromMilliseconds(250), null);

        Assert.Equal(8, analysis.CandidateCount);
        Assert.Equal(7, analysis.Readings.Frame);
        Assert.Equal(250, analysis.Readings.TimeMs);
        Assert.All(analysis.Readings.Digits, d => Assert.InRange(d.Box.Y, 60, 270));
    }

    [Fact]
    public void Read_DebugOn_KeepsBinaryAndOneInputPerCandidate()
    {
        using var reader = new DigitReader(new DigitReaderOptions
        {
            ModelPath = TestData.FixtureModel("tiny-11.onnx"),
            Debug = true,
        });
        using var page = SyntheticSheet.Page(320, 200, [("305", new Point(40, 120))]);

        using var analysis = reader.Read(page, 0, TimeSpan.Zero, "page.png");

        Assert.NotNull(analysis.Binary);
        Assert.Equal(page.Size(), analysis.Binary.Size());
        Assert.Equal(analysis.CandidateCount, analysis.CandidateInputs.Count);
        Assert.All(analysis.CandidateInputs, c => Assert.Equal(new Size(28, 28), c.Input.Size()));
        Assert.Equal("page.png", analysis.Readings.Source);
    }
}
