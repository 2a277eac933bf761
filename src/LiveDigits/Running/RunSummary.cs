using System.Globalization;

namespace LiveDigits.App.Running;

/// <summary>How a run ended and what it read, for the closing lines on standard output.</summary>
/// <param name="Statistics">What was read.</param>
/// <param name="Dropped">Stale frames dropped (live sources).</param>
/// <param name="Outputs">One line per output file.</param>
/// <param name="Interrupted">Whether Ctrl+C or SIGTERM ended the run.</param>
/// <param name="SourceError">The source's failure, reported after the summary; null when it ended well.</param>
/// <param name="OutputFailure">Why an output file stopped early (disk full); null when every file is whole.</param>
public sealed record RunSummary(
    RunStatistics Statistics,
    long Dropped,
    IReadOnlyList<string> Outputs,
    bool Interrupted,
    Exception? SourceError,
    string? OutputFailure = null)
{
    /// <summary>Formats the summary lines.</summary>
    /// <returns>The lines, without trailing newlines.</returns>
    public IReadOnlyList<string> Lines()
    {
        var culture = CultureInfo.InvariantCulture;
        var s = Statistics;
        var seconds = Math.Max(s.Elapsed.TotalSeconds, 1e-3);
        var numbers = s.Numbers.Count == 0 ? "none" : string.Join(", ", s.Numbers.Take(12))
            + (s.Numbers.Count > 12 ? $", ... ({s.Numbers.Count} in all)" : "");
        var lines = new List<string>
        {
            string.Create(
                culture, $"frames {s.Frames} in {seconds:0.0} s ({s.Frames / seconds:0.0} fps), dropped {Dropped}"),
            // Images are read one by one, untracked: a count of tracks would say 0 beside every digit read.
            s.Tracks == 0
                ? string.Create(culture, $"digits read {s.DigitReadings}")
                : string.Create(culture, $"digits read {s.DigitReadings} (in {s.Tracks} tracked digits)"),
            $"numbers {numbers}",
        };
        lines.AddRange(Outputs);
        return lines;
    }
}
