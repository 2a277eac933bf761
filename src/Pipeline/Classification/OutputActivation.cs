namespace LiveDigits.Pipeline.Classification;

/// <summary>
/// Turns whatever a network's last layer produced into probabilities that sum to 1.
/// </summary>
/// <remarks>
/// PyTorch exports usually end in raw logits, Keras-style graphs in softmax, some in log-softmax; the
/// model file does not say which, so each output row is recognised by its values.
/// </remarks>
public static class OutputActivation
{
    private const double Tolerance = 1e-3;

    /// <summary>Returns the probabilities that <paramref name="raw"/> stands for.</summary>
    /// <param name="raw">One output row of the network.</param>
    /// <returns>A new array of the same length, each value in [0, 1], summing to 1.</returns>
    public static float[] ToProbabilities(ReadOnlySpan<float> raw)
    {
        if (raw.IsEmpty)
        {
            throw new ArgumentException("An output row has at least one value.", nameof(raw));
        }

        if (IsDistribution(raw))
        {
            return Renormalise(raw);
        }

        var expSum = 0.0;
        var allNonPositive = true;
        foreach (var value in raw)
        {
            expSum += Math.Exp(value);
            allNonPositive &= value <= 0;
        }

        // Log-softmax: exponentials already sum to one, so exponentiate without shifting.
        if (allNonPositive && Math.Abs(expSum - 1.0) < Tolerance)
        {
            var exp = new float[raw.Length];
            for (var i = 0; i < raw.Length; i++)
            {
                exp[i] = (float)Math.Exp(raw[i]);
            }

            return Renormalise(exp);
        }

        return Softmax(raw);
    }

    /// <summary>Turns a network's raw output rows into one prediction per row.</summary>
    /// <param name="rows">Raw output rows, one per image.</param>
    /// <returns>The predictions, in row order.</returns>
    public static DigitPrediction[] ToPredictions(float[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Array.ConvertAll(rows, row => new DigitPrediction(ToProbabilities(row)));
    }

    private static bool IsDistribution(ReadOnlySpan<float> raw)
    {
        var sum = 0.0;
        foreach (var value in raw)
        {
            if (value < 0 || value > 1 || float.IsNaN(value))
            {
                return false;
            }

            sum += value;
        }

        return Math.Abs(sum - 1.0) < Tolerance;
    }

    private static float[] Softmax(ReadOnlySpan<float> logits)
    {
        var max = float.NegativeInfinity;
        foreach (var value in logits)
        {
            max = Math.Max(max, value);
        }

        var result = new float[logits.Length];
        var sum = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            var e = Math.Exp(logits[i] - max);
            result[i] = (float)e;
            sum += e;
        }

        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (float)(result[i] / sum);
        }

        return result;
    }

    private static float[] Renormalise(ReadOnlySpan<float> probabilities)
    {
        var sum = 0.0;
        foreach (var value in probabilities)
        {
            sum += value;
        }

        var result = new float[probabilities.Length];
        for (var i = 0; i < probabilities.Length; i++)
        {
            result[i] = (float)(probabilities[i] / sum);
        }

        return result;
    }
}
