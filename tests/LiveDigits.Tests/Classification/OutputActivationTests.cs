using LiveDigits.Pipeline.Classification;

namespace LiveDigits.Tests.Classification;

public sealed class OutputActivationTests
{
    [Fact]
    public void ToProbabilities_Logits_AppliesSoftmax()
    {
        float[] logits = [1f, 2f, 3f];

        var probabilities = OutputActivation.ToProbabilities(logits);

        // softmax(1,2,3) worked by hand: e^k / (e + e^2 + e^3).
        Assert.Equal(0.09003057f, probabilities[0], 5);
        Assert.Equal(0.24472847f, probabilities[1], 5);
        Assert.Equal(0.66524096f, probabilities[2], 5);
    }

    [Fact]
    public void ToProbabilities_LogSoftmax_Exponentiates()
    {
        float[] logProbabilities = [MathF.Log(0.7f), MathF.Log(0.2f), MathF.Log(0.1f)];

        var probabilities = OutputActivation.ToProbabilities(logProbabilities);

        Assert.Equal([0.7f, 0.2f, 0.1f], probabilities, (a, b) => Math.Abs(a - b) < 1e-5f);
    }

    [Fact]
    public void ToProbabilities_Distribution_KeepsIt()
    {
        float[] distribution = [0.25f, 0.5f, 0.25f];

        var probabilities = OutputActivation.ToProbabilities(distribution);

        Assert.Equal(distribution, probabilities, (a, b) => Math.Abs(a - b) < 1e-6f);
    }

    [Fact]
    public void ToProbabilities_HugeLogits_StayFiniteAndInRange()
    {
        float[] logits = [1000f, -1000f, 999f];

        var probabilities = OutputActivation.ToProbabilities(logits);

        Assert.All(probabilities, p => Assert.InRange(p, 0f, 1f));
        Assert.Equal(1.0, probabilities.Sum(p => (double)p), 5);
        Assert.Equal(0.7310586f, probabilities[0], 5);
    }
}
