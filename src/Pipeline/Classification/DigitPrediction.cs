namespace LiveDigits.Pipeline.Classification;

/// <summary>What the network says about one digit image.</summary>
/// <remarks>
/// <see cref="Probabilities"/> always sum to 1, whatever the network ends in. For an eleven-class
/// network the last class means "not a digit".
/// </remarks>
public sealed class DigitPrediction
{
    /// <summary>The class index that means "not a digit" in an eleven-class network.</summary>
    public const int NotDigitClass = 10;

    /// <summary>Creates a prediction from normalised class probabilities.</summary>
    /// <param name="probabilities">Ten or eleven probabilities that sum to 1.</param>
    public DigitPrediction(float[] probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.Length is not (10 or 11))
        {
            throw new ArgumentException("A prediction has 10 or 11 classes.", nameof(probabilities));
        }

        Probabilities = probabilities;
        Winner = ArgMax(probabilities, probabilities.Length);
        Digit = ArgMax(probabilities, 10);
    }

    /// <summary>Gets the probability of each class: digits 0-9, then "not a digit" when present.</summary>
    public IReadOnlyList<float> Probabilities { get; }

    /// <summary>Gets the most probable class, <see cref="NotDigitClass"/> included.</summary>
    public int Winner { get; }

    /// <summary>Gets the most probable digit 0-9, even where "not a digit" wins.</summary>
    public int Digit { get; }

    /// <summary>Gets the probability of <see cref="Digit"/>.</summary>
    public float Confidence => Probabilities[Digit];

    /// <summary>Gets the probability that the image is not a digit; 0 for a ten-class network.</summary>
    public float NotDigitProbability => Probabilities.Count > NotDigitClass ? Probabilities[NotDigitClass] : 0f;

    /// <summary>Gets whether a digit, not the "not a digit" class, wins.</summary>
    public bool IsDigit => Winner != NotDigitClass;

    private static int ArgMax(float[] values, int count)
    {
        var best = 0;
        for (var i = 1; i < count; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
