namespace LiveDigits.Overlay.Pad;

/// <summary>One class the network considered and its probability.</summary>
/// <param name="Class">The class: digits 0-9, or 10 for "not a digit" in an eleven-class network.</param>
/// <param name="Probability">The probability, 0-1.</param>
public sealed record ClassProbability(int Class, float Probability);
