using OpenCvSharp;

namespace LiveDigits.Pipeline.Tracking;

/// <summary>One candidate seen in one frame: where it is and the classifier's probabilities.</summary>
/// <param name="Box">The box in source-frame pixels.</param>
/// <param name="Probabilities">The class probabilities: digits 0-9, then "not a digit" when present.</param>
public sealed record DigitObservation(Rect Box, IReadOnlyList<float> Probabilities);
