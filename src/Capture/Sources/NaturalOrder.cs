namespace LiveDigits.Capture.Sources;

/// <summary>
/// Orders names the way people number files: runs of digits compare as numbers, so <c>img2</c> comes
/// before <c>img10</c>; other text compares without case, with an ordinal tie-break so the order is total.
/// </summary>
public sealed class NaturalOrder : IComparer<string?>
{
    private NaturalOrder()
    {
    }

    /// <summary>Gets the comparer.</summary>
    public static NaturalOrder Instance { get; } = new();

    /// <inheritdoc/>
    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            var order = char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j])
                ? CompareNumbers(x, ref i, y, ref j)
                : char.ToUpperInvariant(x[i++]).CompareTo(char.ToUpperInvariant(y[j++]));
            if (order != 0)
            {
                return order;
            }
        }

        var byLength = (x.Length - i).CompareTo(y.Length - j);
        return byLength != 0 ? byLength : string.CompareOrdinal(x, y);
    }

    private static int CompareNumbers(string x, ref int i, string y, ref int j)
    {
        var a = DigitRun(x, ref i);
        var b = DigitRun(y, ref j);

        // Leading zeros do not change the value; with them gone, the longer run is the larger number.
        var trimmedA = a.TrimStart('0');
        var trimmedB = b.TrimStart('0');
        if (trimmedA.Length != trimmedB.Length)
        {
            return trimmedA.Length.CompareTo(trimmedB.Length);
        }

        var byValue = trimmedA.CompareTo(trimmedB, StringComparison.Ordinal);
        return byValue != 0 ? byValue : a.Length.CompareTo(b.Length);
    }

    private static ReadOnlySpan<char> DigitRun(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            position++;
        }

        return text.AsSpan(start, position - start);
    }
}
