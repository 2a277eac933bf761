using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace LiveDigits.Benchmarks;

/// <summary>The median time of a call divided by its <c>Batch</c> parameter: the cost of one digit.</summary>
public sealed class PerDigitColumn : IColumn
{
    /// <inheritdoc/>
    public string Id => nameof(PerDigitColumn);

    /// <inheritdoc/>
    public string ColumnName => "µs/digit";

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => 0;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend => "Median time per call divided by the batch size, in microseconds";

    /// <summary>Gets a case's median cost per digit in nanoseconds; null without a batch or a result.</summary>
    /// <param name="summary">The run's summary.</param>
    /// <param name="benchmarkCase">The case.</param>
    /// <returns>Nanoseconds per digit.</returns>
    public static double? NanosecondsPerDigit(Summary summary, BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var median = summary[benchmarkCase]?.ResultStatistics?.Median;
        return median is { } m && benchmarkCase.Parameters["Batch"] is int batch && batch > 0 ? m / batch : null;
    }

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        NanosecondsPerDigit(summary, benchmarkCase) is { } ns
            ? (ns / 1000).ToString("0.0", CultureInfo.InvariantCulture)
            : "-";

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
