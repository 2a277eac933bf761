using System.CommandLine;
using LiveDigits.App.Commands;
using LiveDigits.App.Hosting;
using LiveDigits.Capture;

namespace LiveDigits.App;

/// <summary>The <c>livedigits</c> command line.</summary>
public static class Program
{
    // Ctrl+C and SIGTERM are handled by ShutdownSignals from the start of Main, not by System.CommandLine.
    private static readonly InvocationConfiguration s_invocation = new()
    {
        EnableDefaultExceptionHandler = false,
        ProcessTerminationTimeout = null,
    };

    // The running command finalises its video and JSON Lines after a signal; two seconds can be too short for
    // a long recording's index, so the wait is longer.
    private static readonly TimeSpan s_signalGrace = TimeSpan.FromSeconds(15);

    /// <summary>Parses the arguments, runs the chosen command and returns its exit code.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>An <see cref="ExitCodes"/> value.</returns>
    public static async Task<int> Main(string[] args)
    {
        OpenCvIpp.Disable();
        using var signals = new ShutdownSignals(s_signalGrace);
        var root = BuildCommandLine();
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            return UserErrors.ReportUsage(parsed);
        }

        // OpenCV prints its own diagnostics to stderr (a failed layer, a missing backend); our errors
        // already name the problem in one line, so its log is shown only when debugging.
        var debugging = parsed.GetValue(CommonOptions.LogLevel) <= Microsoft.Extensions.Logging.LogLevel.Debug;
        OpenCvSharp.Cv2.SetLogLevel(debugging ? OpenCvSharp.LogLevel.WARNING : OpenCvSharp.LogLevel.SILENT);
        if (!debugging)
        {
            FfmpegLog.Silence();
        }

        try
        {
            var code = await parsed.InvokeAsync(s_invocation, signals.Token).ConfigureAwait(false);
            return code == ExitCodes.Interrupted && signals.ExitCode != 0 ? signals.ExitCode : code;
        }
        catch (Exception e) when (!debugging)
        {
            // A bug, not the user's mistake: still one line, with the way to the details.
            await Console.Error.WriteLineAsync(
                $"livedigits: internal error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")} " +
                "(run again with --log-level Debug for the stack trace)").ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }

    /// <summary>Declares every command; each lives in its own class under <c>Commands/</c>.</summary>
    /// <returns>The root command.</returns>
    public static RootCommand BuildCommandLine()
    {
        var root = new RootCommand("LiveDigits reads handwritten digits and numbers live from a camera.");
        root.Options.Add(CommonOptions.LogLevel);
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(MakeClipCommand.Create());
        root.Subcommands.Add(PadCommand.Create());
        root.Subcommands.Add(CameraCommand.Create());
        root.Subcommands.Add(CamerasCommand.Create());
        root.Subcommands.Add(VideoCommand.Create());
        root.Subcommands.Add(ImageCommand.Create());
        root.Subcommands.Add(ScoreCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        return root;
    }
}
