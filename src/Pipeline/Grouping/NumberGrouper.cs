using System.Globalization;
using LiveDigits.Pipeline.Readings;
using OpenCvSharp;

namespace LiveDigits.Pipeline.Grouping;

/// <summary>
/// Groups digits into numbers by line and spacing, in reading order: a sheet reading <c>2026</c> gives
/// the number 2026 made of four digits.
/// </summary>
/// <remarks>
/// Digits are first chained left to right: a digit continues the chain whose last digit overlaps it
/// vertically by half the smaller height and sits at most <see cref="MaxGap"/> heights of the taller of
/// the two to its left. Chaining digit to digit, rather than cutting fixed horizontal bands, follows a line
/// that slopes under perspective, and measuring in the pair's own height lets small and large writing
/// share a page. A chain is then cut only where its spacing breaks: at a gap wider than
/// <see cref="EvenGap"/> line heights that is also <see cref="SpacingRatio"/> times the chain's other gaps,
/// so a row written at even spacing stays one number however loosely it was written, and the same two
/// digits are never joined in one row and split in the next (real sheets: gaps of 0.6-1.05 heights
/// between evenly spaced digits; generated clips: at most 0.32 inside a number, at least 2.5 between
/// numbers). This is how word spacing is found in OCR: against the line's own inter-character gaps.
/// Numbers are then ordered by line, top to bottom, and left to right.
/// </remarks>
public sealed class NumberGrouper
{
    /// <summary>Gets the widest gap between two digits of one number, in heights of the taller of the two.</summary>
    public double MaxGap { get; init; } = 1.2;

    /// <summary>Gets the widest gap, in the line's median digit height, that never separates two numbers.</summary>
    public double EvenGap { get; init; } = 0.7;

    /// <summary>Gets how many times wider than the line's other gaps a gap must be to separate two numbers.</summary>
    public double SpacingRatio { get; init; } = 2.0;

    /// <summary>Groups digits into numbers.</summary>
    /// <param name="digits">The digits of one frame, in any order.</param>
    /// <returns>The digits in reading order, and the numbers they make in reading order.</returns>
    public (IReadOnlyList<DigitReading> Digits, IReadOnlyList<NumberReading> Numbers) Group(
        IReadOnlyList<DigitReading> digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (digits.Count == 0)
        {
            return ([], []);
        }

        var chains = Chain(digits).SelectMany(SplitAtSpacingBreaks).ToList();
        var ordered = OrderByLines(chains);
        var orderedDigits = ordered.SelectMany(c => c).ToList();
        var numbers = ordered.Select(ToNumber).ToList();
        return (orderedDigits, numbers);
    }

    private List<List<DigitReading>> Chain(IReadOnlyList<DigitReading> digits)
    {
        var chains = new List<List<DigitReading>>();
        foreach (var digit in digits.OrderBy(d => d.Box.X).ThenBy(d => d.Box.Y))
        {
            List<DigitReading>? best = null;
            var bestGap = double.MaxValue;
            foreach (var chain in chains)
            {
                var last = chain[^1];
                var gap = digit.Box.X - last.Box.Right;
                var minHeight = Math.Min(last.Box.Height, digit.Box.Height);
                var maxGap = MaxGap * Math.Max(last.Box.Height, digit.Box.Height);
                var fits = VerticalOverlap(last.Box, digit.Box) >= 0.5 * minHeight
                    && gap <= maxGap
                    && gap >= -0.5 * Math.Min(last.Box.Width, digit.Box.Width);
                if (fits && Math.Abs(gap) < bestGap)
                {
                    best = chain;
                    bestGap = Math.Abs(gap);
                }
            }

            if (best is null)
            {
                chains.Add([digit]);
            }
            else
            {
                best.Add(digit);
            }
        }

        return chains;
    }

    private IEnumerable<List<DigitReading>> SplitAtSpacingBreaks(List<DigitReading> chain)
    {
        if (chain.Count < 3)
        {
            // One gap has no others to be compared with: the chain's own limit decided it.
            yield return chain;
            yield break;
        }

        var height = Median(chain.Select(d => (double)d.Box.Height));
        var gaps = new double[chain.Count - 1];
        for (var i = 0; i < gaps.Length; i++)
        {
            gaps[i] = Math.Max(0, chain[i + 1].Box.X - chain[i].Box.Right) / height;
        }

        var start = 0;
        for (var i = 0; i < gaps.Length; i++)
        {
            var others = Median(gaps.Where((_, j) => j != i));
            if (gaps[i] > EvenGap && gaps[i] > SpacingRatio * others)
            {
                yield return chain[start..(i + 1)];
                start = i + 1;
            }
        }

        yield return chain[start..];
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static List<List<DigitReading>> OrderByLines(List<List<DigitReading>> chains)
    {
        // A chain joins the line whose vertical span it overlaps most; lines then read top to bottom.
        var lines = new List<(int Top, int Bottom, List<List<DigitReading>> Chains)>();
        foreach (var chain in chains.OrderBy(c => Bounds(c).Y))
        {
            var box = Bounds(chain);
            var index = lines.FindIndex(l =>
                Math.Min(l.Bottom, box.Bottom) - Math.Max(l.Top, box.Top)
                    >= 0.5 * Math.Min(box.Height, l.Bottom - l.Top));
            if (index < 0)
            {
                lines.Add((box.Top, box.Bottom, [chain]));
            }
            else
            {
                var line = lines[index];
                line.Chains.Add(chain);
                lines[index] = (Math.Min(line.Top, box.Top), Math.Max(line.Bottom, box.Bottom), line.Chains);
            }
        }

        return lines.SelectMany(l => l.Chains.OrderBy(c => c[0].Box.X)).ToList();
    }

    private static NumberReading ToNumber(List<DigitReading> chain)
    {
        var value = string.Concat(chain.Select(d => d.Digit.ToString(CultureInfo.InvariantCulture)));
        return new NumberReading(value, Bounds(chain), chain.Min(d => d.Confidence));
    }

    private static Rect Bounds(List<DigitReading> chain)
    {
        var box = chain[0].Box;
        foreach (var digit in chain)
        {
            box |= digit.Box;
        }

        return box;
    }

    private static int VerticalOverlap(Rect a, Rect b) => Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top);
}
