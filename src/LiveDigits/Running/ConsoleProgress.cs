using Spectre.Console;

namespace LiveDigits.App.Running;

/// <summary>A progress bar on standard error while frames are read without a window.</summary>
public static class ConsoleProgress
{
    private static readonly TimeSpan s_refresh = TimeSpan.FromMilliseconds(200);

    /// <summary>Shows the frames processed until <paramref name="ended"/> completes or the run is cancelled.</summary>
    /// <param name="statistics">The run's statistics, read for the frame count.</param>
    /// <param name="expectedFrames">The total, when known.</param>
    /// <param name="ended">Completes when the source ends.</param>
    /// <param name="cancellation">Stops the bar on Ctrl+C.</param>
    /// <returns>A task that completes when the bar is done.</returns>
    public static Task RunAsync(
        RunStatistics statistics, long? expectedFrames, Task ended, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("reading frames", maxValue: expectedFrames ?? 1);
                task.IsIndeterminate = expectedFrames is null;
                while (!ended.IsCompleted && !cancellation.IsCancellationRequested)
                {
                    task.Value = statistics.Frames;
                    await Task.WhenAny(ended, Task.Delay(s_refresh, CancellationToken.None)).ConfigureAwait(false);
                }

                task.Value = statistics.Frames;
                if (ended.IsCompleted)
                {
                    task.Value = task.MaxValue;
                }

                task.StopTask();
            });
    }
}
