using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace LiveDigits.Benchmarks;

/// <summary>
/// Each case's cost per digit over that of OpenCV's dnn running tutorial-pytorch one digit per call,
/// measured in the same run: the naive baseline every classification figure is judged against.
/// </summary>
/// <remarks>
/// BenchmarkDotNet's own Ratio only compares cases with the same parameters, so a baseline fixed at one
/// model and one batch size needs this column.
/// </remarks>
public sealed class VersusTutorialColumn : IColumn
{
    /// <inheritdoc/>
    public string Id => nameof(VersusTutorialColumn);

    /// <inheritdoc/>
    public string ColumnName => "vs tutorial b1";

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => 1;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend =>
        "Cost per digit relative to OpenCV dnn + tutorial-pytorch at batch 1 in the same run (lower is faster)";

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var baseline = summary.BenchmarksCases.FirstOrDefault(IsBaseline);
        var own = PerDigitColumn.NanosecondsPerDigit(summary, benchmarkCase);
        var reference = baseline is null ? null : PerDigitColumn.NanosecondsPerDigit(summary, baseline);
        return own is { } o && reference is { } r && r > 0
            ? (o / r).ToString("0.000", CultureInfo.InvariantCulture)
            : "-";
    }

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    private static bool IsBaseline(BenchmarkCase c) =>
        c.Descriptor.WorkloadMethod.Name == nameof(ClassificationBenchmarks.OpenCvDnn)
        && c.Parameters["Model"] as string == BenchModels.Tutorial
        && c.Parameters["Batch"] is 1;
}
