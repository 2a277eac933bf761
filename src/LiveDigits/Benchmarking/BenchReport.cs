using System.Globalization;

namespace LiveDigits.App.Benchmarking;

/// <summary>Prints the bench figures: one line per mode and reader, each figure as median [min..max].</summary>
internal static class BenchReport
{
    public static void File(TextWriter output, string reader, IReadOnlyList<FileRun> runs) =>
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"file {reader}: fps {Of(runs, r => r.Fps).ToString("0.0")}  " +
            $"read ms {Of(runs, r => r.ReadMilliseconds).ToString("0.0")}  " +
            $"cpu ms/frame {Of(runs, r => r.CpuMillisecondsPerFrame).ToString("0.0")}  " +
            $"frames {runs[0].Frames}"));

    public static void Live(TextWriter output, string reader, IReadOnlyList<LiveRun> runs) =>
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"live {reader}: p50 ms {Of(runs, r => r.P50).ToString("0.0")}  " +
            $"p95 ms {Of(runs, r => r.P95).ToString("0.0")}  p99 ms {Of(runs, r => r.P99).ToString("0.0")}  " +
            $"dropped {Of(runs, r => r.Dropped).ToString("0")} of {runs[0].Captured}  " +
            $"late {Of(runs, r => r.Late).ToString("0")}"));

    public static void Ratio(TextWriter output, string name, IEnumerable<double> perRepetition) =>
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"{name}: {Spread.Of(perRepetition).ToString("0.00")}"));

    public static void Content(TextWriter output, IReadOnlyList<FileRun> runs) =>
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"per frame: candidates {Of(runs, r => r.Candidates).ToString("0")}  " +
            $"digits read {Of(runs, r => r.Digits).ToString("0")}"));

    private static Spread Of<T>(IEnumerable<T> runs, Func<T, double> figure) => Spread.Of(runs.Select(figure));
}
