namespace LiveDigits.Pipeline.Evaluation;

/// <summary>The figures of one classifier on one MNIST split.</summary>
public sealed class MnistEvaluationResult
{
    private readonly int[,] _confusion;

    /// <summary>Creates the result from its confusion counts.</summary>
    /// <param name="confusion">
    /// [true digit, predicted digit] counts over columns 0-9; column 10 counts, per true digit, the
    /// images whose winning class was "not a digit" (they are also counted under their best digit).
    /// </param>
    /// <param name="count">How many images were classified.</param>
    /// <param name="classifyTime">Time spent in the classifier alone.</param>
    public MnistEvaluationResult(int[,] confusion, int count, TimeSpan classifyTime)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        _confusion = confusion;
        Count = count;
        ClassifyTime = classifyTime;
    }

    /// <summary>Gets how many images were classified.</summary>
    public int Count { get; }

    /// <summary>Gets the time spent in the classifier.</summary>
    public TimeSpan ClassifyTime { get; }

    /// <summary>Gets the share of images whose best digit is the label.</summary>
    public double Accuracy => Count == 0 ? 0 : Enumerable.Range(0, 10).Sum(d => _confusion[d, d]) / (double)Count;

    /// <summary>Gets the classification speed.</summary>
    public double DigitsPerSecond => ClassifyTime > TimeSpan.Zero ? Count / ClassifyTime.TotalSeconds : 0;

    /// <summary>Gets how many true digits the network's "not a digit" class won on.</summary>
    public int RejectedAsNotDigit => Enumerable.Range(0, 10).Sum(d => _confusion[d, 10]);

    /// <summary>Gets how often true digit <paramref name="truth"/> was read as <paramref name="predicted"/>.</summary>
    /// <param name="truth">The label, 0-9.</param>
    /// <param name="predicted">The best digit, 0-9.</param>
    /// <returns>The count.</returns>
    public int Confusion(int truth, int predicted) => _confusion[truth, predicted];

    /// <summary>Gets the accuracy on images labelled <paramref name="digit"/>.</summary>
    /// <param name="digit">The label, 0-9.</param>
    /// <returns>The share read right; 0 when there were none.</returns>
    public double DigitAccuracy(int digit)
    {
        var total = Enumerable.Range(0, 10).Sum(p => _confusion[digit, p]);
        return total == 0 ? 0 : _confusion[digit, digit] / (double)total;
    }
}
