using System.CommandLine;
using LiveDigits.Capture;
using LiveDigits.Overlay;
using LiveDigits.Overlay.Output;
using LiveDigits.Pipeline.Classification;

namespace LiveDigits.App.Hosting;

/// <summary>
/// Turns a user's mistake into one line on standard error and an exit code, never a stack trace.
/// </summary>
public static class UserErrors
{
    /// <summary>The prefix of every error line, so scripts can recognise it.</summary>
    public const string Prefix = "livedigits: error: ";

    /// <summary>Reports command-line errors (first one only, with where to get help).</summary>
    /// <param name="parsed">A parse result with errors.</param>
    /// <returns><see cref="ExitCodes.UsageError"/>.</returns>
    public static int ReportUsage(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var command = string.Join(' ', parsed.CommandResult.Command.Name);
        Console.Error.WriteLine($"{Prefix}{parsed.Errors[0].Message} (see '{command} --help')");
        return ExitCodes.UsageError;
    }

    /// <summary>Runs a command body, mapping the exceptions that mean bad input to one-line errors.</summary>
    /// <param name="body">The command's work.</param>
    /// <returns>The body's exit code, or the code of the error it raised.</returns>
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (Exception e) when (IsUserError(e))
        {
            await Console.Error.WriteLineAsync(Prefix + e.Message.ReplaceLineEndings(" ")).ConfigureAwait(false);
            return e is UsageException ? ExitCodes.UsageError : ExitCodes.InputError;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("livedigits: interrupted").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
    }

    private static bool IsUserError(Exception e) =>
        e is ModelLoadException or FrameSourceException or OutputException or UsageException or FileNotFoundException
            or DirectoryNotFoundException or UnauthorizedAccessException or InvalidDataException
            or DisplayUnavailableException;
}
