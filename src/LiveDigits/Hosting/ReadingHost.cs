using LiveDigits.App.Running;
using LiveDigits.Capture;
using Microsoft.Extensions.Logging;

namespace LiveDigits.App.Hosting;

/// <summary>
/// Runs a reading command: the run, then the summary on standard output, then the exit code: a lost output
/// (<see cref="ExitCodes.OutputIncomplete"/>) outranks an interruption, since a script must not take a run
/// whose files stopped early for a whole one.
/// </summary>
public static class ReadingHost
{
    /// <summary>Runs the reader over <paramref name="source"/> and reports.</summary>
    /// <param name="source">The frames.</param>
    /// <param name="settings">The run's settings.</param>
    /// <param name="logging">Creates the loggers.</param>
    /// <param name="cancellation">Ctrl+C and SIGTERM.</param>
    /// <param name="extraLines">Adds lines to the summary (such as a score) once the run has ended.</param>
    /// <returns>The exit code.</returns>
    /// <exception cref="FrameSourceException">The source failed; the outputs were finalised first.</exception>
    public static async Task<int> RunAsync(
        IFrameSource source,
        RunSettings settings,
        ILoggerFactory logging,
        CancellationToken cancellation,
        Func<RunSummary, IEnumerable<string>>? extraLines = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        // An output that stops (disk full) is told in its one error line when it happens, which in a long live
        // run can be an hour before the end; the summary and the exit code repeat it without a second line.
        var run = new ReadingRun(source, settings, logging, ReportStopped);
        var summary = await run.RunAsync(cancellation).ConfigureAwait(false);

        // A source that failed before its first frame (a camera that never opens) read nothing: the error
        // alone says what happened, and a summary of zero frames above it would only mislead.
        if (summary.SourceError is null || summary.Statistics.Frames > 0)
        {
            foreach (var line in summary.Lines().Concat(extraLines?.Invoke(summary) ?? []))
            {
                Console.Out.WriteLine(line);
            }

            await Console.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return await ExitCodeAsync(summary).ConfigureAwait(false);
    }

    /// <summary>Tells, in its one error line, that an output stopped early (a full disk).</summary>
    /// <param name="failure">The output and why it stopped.</param>
    internal static void ReportStopped(string failure) =>
        Console.Error.WriteLine($"{UserErrors.Prefix}output stopped early: {failure}");

    private static async Task<int> ExitCodeAsync(RunSummary summary)
    {
        switch (summary.SourceError)
        {
            case FrameSourceException e:
                throw new FrameSourceException(e.Message, e);
            case { } e:
                // Not the user's doing (a bug in a stage): one line still, with the outputs already finalised.
                await Console.Error.WriteLineAsync($"{UserErrors.Prefix}reading stopped: {e.Message}")
                    .ConfigureAwait(false);
                return ExitCodes.InternalError;
        }

        if (summary.OutputFailure is not null)
        {
            return ExitCodes.OutputIncomplete;
        }

        if (summary.Interrupted)
        {
            await Console.Error.WriteLineAsync("livedigits: interrupted; outputs are complete up to the last frame")
                .ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }

        return ExitCodes.Success;
    }
}
