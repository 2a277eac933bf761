using LiveDigits.Overlay.Pad;
using LiveDigits.Pipeline.Classification;
using OpenCvSharp;

namespace LiveDigits.Tests.Pad;

/// <summary>How the pad decides from the network's answer, with a stand-in network that answers as told.</summary>
public sealed class PadReaderDecisionTests
{
    [Fact]
    public void Read_ElevenClassNetworkPicksNotADigit_IsNotADigitWithTheBestDigitGuess()
    {
        var reader = Reader(Probabilities(notDigit: 0.7f, digit: 3, confidence: 0.2f), threshold: 0.5);

        var reading = ReadSeven(reader);

        Assert.Equal(PadReadingKind.NotDigit, reading.Kind);
        Assert.Equal("not a digit (best guess 3, 20.0%)", reading.Describe());
        Assert.Equal(DigitPrediction.NotDigitClass, reading.Top[0].Class);
    }

    [Theory]
    [InlineData(0.89f, PadReadingKind.NotDigit)]
    [InlineData(0.91f, PadReadingKind.Digit)]
    [InlineData(0.99f, PadReadingKind.Digit)]
    public void Read_TenClassNetwork_AcceptsAboveTheThresholdOnly(float confidence, PadReadingKind expected)
    {
        var reader = Reader(Probabilities(notDigit: null, digit: 3, confidence: confidence), threshold: 0.9);

        var reading = ReadSeven(reader);

        Assert.Equal(expected, reading.Kind);
        Assert.Equal("3", reading.Value);
        Assert.Equal(confidence, reading.Confidence, 5);
    }

    private static PadReader Reader(float[] answer, double threshold) =>
        new(new FixedAnswer(answer), PadCanvas.DefaultStrokeWidth, threshold);

    private static PadReading ReadSeven(PadReader reader)
    {
        using var canvas = new PadCanvas();
        canvas.Draw(PadStrokes.Named("7").PenPaths());
        return reader.Read(canvas.Image);
    }

    /// <summary>Ten or eleven probabilities: <paramref name="digit"/> gets its share, the rest is spread.</summary>
    private static float[] Probabilities(float? notDigit, int digit, float confidence)
    {
        var classes = notDigit is null ? 10 : 11;
        var rest = 1f - confidence - (notDigit ?? 0f);
        var probabilities = Enumerable.Repeat(rest / 9, classes).ToArray();
        probabilities[digit] = confidence;
        if (notDigit is { } value)
        {
            probabilities[DigitPrediction.NotDigitClass] = value;
        }

        return probabilities;
    }

    private sealed class FixedAnswer(float[] probabilities) : ICandidateClassifier
    {
        public IReadOnlyList<DigitPrediction> Classify(IReadOnlyList<Mat> normalised) =>
            normalised.Select(_ => new DigitPrediction([.. probabilities])).ToList();
    }
}
