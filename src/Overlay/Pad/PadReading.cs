using System.Globalization;

namespace LiveDigits.Overlay.Pad;

/// <summary>What the pad read on its canvas: the line it prints, and what its side panel shows.</summary>
/// <param name="Kind">Empty, not a digit, one digit or a number.</param>
/// <param name="Value">
/// The digit or the number, left to right; for <see cref="PadReadingKind.NotDigit"/> the network's best
/// guess; empty for <see cref="PadReadingKind.Empty"/>.
/// </param>
/// <param name="Confidence">The lowest digit probability among the digits read, 0-1.</param>
/// <param name="Top">The three most probable classes of the least certain digit, most probable first.</param>
/// <param name="Views">The 28x28 images the network saw (784 bytes each, row by row), left to right.</param>
/// <param name="Rejection">Why ink was refused before the network was asked (such as "too small"); else null.</param>
public sealed record PadReading(
    PadReadingKind Kind,
    string Value,
    double Confidence,
    IReadOnlyList<ClassProbability> Top,
    IReadOnlyList<byte[]> Views,
    string? Rejection = null)
{
    /// <summary>Gets the reading of an empty canvas.</summary>
    public static PadReading Empty { get; } = new(PadReadingKind.Empty, string.Empty, 0, [], []);

    /// <summary>
    /// Gets the line printed for this reading: <c>7 (98.6%)</c>, <c>42 (97.0%)</c>, <c>empty</c>,
    /// <c>not a digit (too small)</c> or <c>not a digit (best guess 3, 41.2%)</c>.
    /// </summary>
    /// <returns>The line, without a line ending; percentages with one decimal in the invariant culture.</returns>
    public string Describe() => Kind switch
    {
        PadReadingKind.Empty => "empty",
        PadReadingKind.NotDigit when Rejection is not null => $"not a digit ({Rejection})",
        PadReadingKind.NotDigit => $"not a digit (best guess {Value}, {Percent(Confidence)})",
        _ => $"{Value} ({Percent(Confidence)})",
    };

    /// <summary>Formats a probability as a percentage with one decimal, such as <c>98.6%</c>.</summary>
    /// <param name="probability">A probability, 0-1.</param>
    /// <returns>The percentage text.</returns>
    public static string Percent(double probability) =>
        (probability * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
