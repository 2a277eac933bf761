using System.Globalization;

namespace LiveDigits.App.Benchmarking;

/// <summary>A figure measured several times: its median and its range.</summary>
/// <param name="Median">The median of the measurements.</param>
/// <param name="Min">The smallest.</param>
/// <param name="Max">The largest.</param>
internal readonly record struct Spread(double Median, double Min, double Max)
{
    /// <summary>Summarises measurements.</summary>
    /// <param name="values">At least one value.</param>
    /// <returns>The median and range.</returns>
    public static Spread Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("A spread needs at least one value.", nameof(values));
        }

        return new Spread(Percentile(sorted, 50), sorted[0], sorted[^1]);
    }

    /// <summary>Returns a percentile of sorted values, interpolating between neighbours.</summary>
    /// <param name="sorted">The values in ascending order.</param>
    /// <param name="percent">0-100.</param>
    /// <returns>The percentile.</returns>
    public static double Percentile(IReadOnlyList<double> sorted, double percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = percent / 100 * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }

    /// <summary>Formats as <c>median [min..max]</c> with the given number format.</summary>
    /// <param name="format">A .NET number format such as <c>0.0</c>.</param>
    /// <returns>The text.</returns>
    public string ToString(string format)
    {
        var culture = CultureInfo.InvariantCulture;
        return $"{Median.ToString(format, culture)} [{Min.ToString(format, culture)}..{Max.ToString(format, culture)}]";
    }
}
