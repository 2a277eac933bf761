using System.Globalization;

namespace LiveDigits.Pipeline.Scoring;

/// <summary>
/// How well a reader's output matches a clip's truth: the counts, and the figures made from them.
/// </summary>
/// <param name="Frames">Frames scored (every frame of the clip).</param>
/// <param name="TruthDigits">Required digits over all frames (ignored ones left out).</param>
/// <param name="PredictedDigits">Digits the reader reported, less those on ignored digits.</param>
/// <param name="DetectedDigits">Required digits matched by a predicted box.</param>
/// <param name="CorrectDigits">Detected digits whose label is right.</param>
/// <param name="TruthNumbers">Required numbers over all frames.</param>
/// <param name="CorrectNumbers">Required numbers matched by a predicted number with the same value.</param>
/// <param name="FramesWithoutOutput">Clip frames the output has no line for (scored as empty).</param>
/// <param name="OutputLinesOutsideClip">Output lines whose frame is not in the clip (not scored).</param>
public sealed record ClipScore(
    int Frames,
    int TruthDigits,
    int PredictedDigits,
    int DetectedDigits,
    int CorrectDigits,
    int TruthNumbers,
    int CorrectNumbers,
    int FramesWithoutOutput,
    int OutputLinesOutsideClip)
{
    /// <summary>Gets the share of required digits that were found (whatever label they got).</summary>
    public double Recall => Ratio(DetectedDigits, TruthDigits);

    /// <summary>Gets the share of reported digits that sit on a real digit.</summary>
    public double Precision => Ratio(DetectedDigits, PredictedDigits);

    /// <summary>Gets the share of found digits read right.</summary>
    public double ReadingAccuracy => Ratio(CorrectDigits, DetectedDigits);

    /// <summary>
    /// Gets the end-to-end digit F1, where a true positive is a found digit read right:
    /// 2·correct / (required + reported).
    /// </summary>
    public double F1 => Ratio(2 * CorrectDigits, TruthDigits + PredictedDigits);

    /// <summary>Gets the share of required numbers read whole and right, in the right place.</summary>
    public double NumberAccuracy => Ratio(CorrectNumbers, TruthNumbers);

    /// <summary>Gets the reported digits that sit on no digit at all, per frame.</summary>
    public double FalseDigitsPerFrame => Frames == 0 ? 0 : (PredictedDigits - DetectedDigits) / (double)Frames;

    /// <summary>Formats every figure on one line, for comparing runs.</summary>
    /// <returns>For example <c>score f1=0.9810 recall=... frames=90</c>.</returns>
    public string SummaryLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"score f1={F1:0.0000} recall={Recall:0.0000} precision={Precision:0.0000} reading={ReadingAccuracy:0.0000} " +
        $"numbers={NumberAccuracy:0.0000} false_per_frame={FalseDigitsPerFrame:0.000} frames={Frames}");

    // A figure over nothing (no digits to find, none reported) is 0: an empty output must never score well.
    private static double Ratio(int part, int whole) => whole == 0 ? 0 : part / (double)whole;
}
