using LiveDigits.Capture.Clips;
using LiveDigits.Pipeline.Readings;
using LiveDigits.Pipeline.Scoring;
using OpenCvSharp;

namespace LiveDigits.Tests.Scoring;

public sealed class ClipScorerTests
{
    private static readonly Lazy<ClipTruth> s_generated = new(GenerateTruth);

    [Fact]
    public void Score_PerfectOutputOfAGeneratedClip_ScoresOneEverywhere()
    {
        var truth = s_generated.Value;
        var output = truth.Frames.Select(Perfect).ToList();

        var score = ClipScorer.Score(truth, output);

        Assert.True(score.TruthDigits > 0);
        Assert.Equal(1.0, score.F1);
        Assert.Equal(1.0, score.Recall);
        Assert.Equal(1.0, score.Precision);
        Assert.Equal(1.0, score.ReadingAccuracy);
        Assert.Equal(1.0, score.NumberAccuracy);
        Assert.Equal(0.0, score.FalseDigitsPerFrame);
    }

    [Fact]
    public void Score_EmptyOutput_ScoresZeroAndCountsEveryFrameAsMissing()
    {
        var truth = s_generated.Value;

        var score = ClipScorer.Score(truth, []);

        Assert.Equal(0.0, score.F1);
        Assert.Equal(0.0, score.Recall);
        Assert.Equal(0.0, score.NumberAccuracy);
        Assert.Equal(truth.Frames.Count, score.FramesWithoutOutput);
    }

    [Fact]
    public void Score_MissedExtraAndWrongDigits_GivesTheHandWorkedFigures()
    {
        // Frame 0: true 1, 2, 3 (the number 123) and an ignored 4. Read: the 1 right, the 2 as a 7, the 3
        // missed, a 5 where nothing is written, the ignored 4 (counts for nothing), and the number "17".
        // Frame 1: a lone 8, read right, number included.
        //   required digits 3 + 1 = 4; reported 4 - 1 (on the ignored 4) + 1 = 4; detected 2 + 1 = 3;
        //   right 1 + 1 = 2.
        //   recall 3/4, precision 3/4, reading 2/3, F1 = 2*2 / (4 + 4) = 0.5,
        //   numbers 1 of 2 (the "17" sits on 123 but is the wrong value), false digits 1 over 2 frames.
        var truth = Truth(
            new ClipFrameTruth(
                0,
                0,
                [Digit(0, 1, new Rect(0, 0, 10, 20)), Digit(1, 2, new Rect(20, 0, 10, 20)),
                    Digit(2, 3, new Rect(40, 0, 10, 20)), Digit(3, 4, new Rect(100, 0, 10, 20), ignore: true)],
                [new ClipNumberTruth(0, "123", new Rect(0, 0, 50, 20), false)]),
            new ClipFrameTruth(
                1,
                33.3,
                [Digit(4, 8, new Rect(10, 10, 10, 20))],
                [new ClipNumberTruth(1, "8", new Rect(10, 10, 10, 20), false)]));
        FrameReadings[] output =
        [
            new(0, 0, [Read(1, new Rect(1, 1, 10, 20)), Read(7, new Rect(19, 0, 12, 20)),
                Read(5, new Rect(70, 0, 10, 20)), Read(4, new Rect(100, 0, 10, 20))],
                [new NumberReading("17", new Rect(0, 0, 31, 20), 0.9)]),
            new(
                1,
                33.3,
                [Read(8, new Rect(11, 10, 10, 20))],
                [new NumberReading("8", new Rect(11, 10, 10, 20), 0.9)]),
        ];

        var score = ClipScorer.Score(truth, output);

        Assert.Equal(0.75, score.Recall, 6);
        Assert.Equal(0.75, score.Precision, 6);
        Assert.Equal(2.0 / 3, score.ReadingAccuracy, 6);
        Assert.Equal(0.5, score.F1, 6);
        Assert.Equal(0.5, score.NumberAccuracy, 6);
        Assert.Equal(0.5, score.FalseDigitsPerFrame, 6);
        Assert.Equal(
            "score f1=0.5000 recall=0.7500 precision=0.7500 reading=0.6667 numbers=0.5000 " +
            "false_per_frame=0.500 frames=2",
            score.SummaryLine());
    }

    [Fact]
    public void Score_FrameMissingFromOutputAndLineOutsideClip_AreCountedNotScored()
    {
        var truth = Truth(
            new ClipFrameTruth(0, 0, [Digit(0, 3, new Rect(0, 0, 10, 20))], []),
            new ClipFrameTruth(1, 33, [Digit(0, 3, new Rect(0, 0, 10, 20))], []));
        FrameReadings[] output = [new(0, 0, [Read(3, new Rect(0, 0, 10, 20))], []), new(7, 0, [], [])];

        var score = ClipScorer.Score(truth, output);

        Assert.Equal(0.5, score.Recall, 6);
        Assert.Equal(1, score.FramesWithoutOutput);
        Assert.Equal(1, score.OutputLinesOutsideClip);
    }

    private static ClipTruth GenerateTruth()
    {
        var options = new ClipOptions(ClipStyle.Hard, Seed: 3, FrameCount: 4, Width: 480, Height: 270);
        using var generator = new ClipGenerator(options, TestData.MnistTest);
        using var frame = new Mat();
        var frames = Enumerable.Range(0, options.FrameCount).Select(i => generator.Render(i, frame)).ToList();
        return generator.CreateTruth(frames, "clip.avi");
    }

    private static FrameReadings Perfect(ClipFrameTruth frame) => new(
        frame.Frame,
        frame.TimeMs,
        frame.Digits.Where(d => !d.Ignore).Select(d => Read(d.Digit, d.Box)).ToList(),
        frame.Numbers.Where(n => !n.Ignore).Select(n => new NumberReading(n.Value, n.Box, 1)).ToList());

    private static ClipTruth Truth(params ClipFrameTruth[] frames) =>
        new(ClipTruth.CurrentVersion, "plain", 1, 200, 100, 30, frames.Length, "clip.avi", [], [], frames);

    private static ClipDigitTruth Digit(int id, int digit, Rect box, bool ignore = false) =>
        new(id, digit, box, ignore);

    private static DigitReading Read(int digit, Rect box) => new(box, digit, 0.99);
}
