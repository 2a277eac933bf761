using System.CommandLine;
using System.CommandLine.Parsing;
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

    // The name users type, whatever the host (the `livedigits` script runs `dotnet livedigits.dll`).
    private const string ProgramName = "livedigits";

    /// <summary>
    /// Reports command-line errors: the first one, with the help command to type. An unknown option comes
    /// first: in <c>video --no-windw clip.mp4</c> the parser takes the typo for the file and reports the file as
    /// the word it does not know. A path option given an option as its value comes next: in
    /// <c>--jsonl --record x.mp4</c> the parser also reports x.mp4 as a word it does not know, which is only
    /// the consequence. An unknown or missing command gets the list of commands instead of System.CommandLine's
    /// "Required command was not provided".
    /// </summary>
    /// <param name="parsed">A parse result with errors.</param>
    /// <returns><see cref="ExitCodes.UsageError"/>.</returns>
    public static int ReportUsage(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var command = parsed.CommandResult.Command;
        var first = parsed.Errors
            .FirstOrDefault(e => e.Message.StartsWith(CommonOptions.UnknownOptionError, StringComparison.Ordinal))
            ?? parsed.Errors.FirstOrDefault(e => e.SymbolResult is OptionResult { Option: var option }
                && e.Message.StartsWith($"{option.Name} {CommonOptions.NeedsValueError}", StringComparison.Ordinal))
            ?? parsed.Errors[0];
        var message = command is RootCommand ? RootProblem(parsed, command) : Describe(first);
        Console.Error.WriteLine($"{Prefix}{message} (see '{CommandLine(parsed.CommandResult)} --help')");
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

    /// <summary>One line for a parse error: a value of the wrong kind says what the option takes.</summary>
    private static string Describe(ParseError error)
    {
        // System.CommandLine names the .NET type it wanted ("System.Nullable`1[System.Int32]") and lists an
        // enum's names one per line; a user needs the option, the value and what it takes, on one line.
        var option = error.SymbolResult switch
        {
            OptionResult o => o,
            ArgumentResult { Parent: OptionResult o } => o,
            _ => null,
        };
        if (option is null || option.Tokens.Count == 0
            || !error.Message.StartsWith("Cannot parse argument", StringComparison.Ordinal))
        {
            return error.Message.ReplaceLineEndings(" ").TrimEnd('.');
        }

        // A number too large for its type is a number all the same: "takes a whole number" would puzzle.
        var value = option.Tokens[^1].Value;
        var type = Nullable.GetUnderlyingType(option.Option.ValueType) ?? option.Option.ValueType;
        if (type == typeof(int) && System.Numerics.BigInteger.TryParse(
            value,
            System.Globalization.NumberStyles.AllowLeadingSign,
            System.Globalization.CultureInfo.InvariantCulture,
            out _))
        {
            return $"{option.Option.Name} {value} is out of range " +
                $"(a whole number from {int.MinValue} to {int.MaxValue})";
        }

        return $"{option.Option.Name} takes {Expected(option.Option.ValueType)}, not '{value}'";
    }

    private static string Expected(Type type)
    {
        var value = Nullable.GetUnderlyingType(type) ?? type;
        if (value.IsEnum)
        {
            return "one of " + string.Join(", ", Enum.GetNames(value));
        }

        return value == typeof(int) || value == typeof(long) ? "a whole number"
            : value == typeof(double) || value == typeof(float) ? "a number"
            : value.Name;
    }

    private static string RootProblem(ParseResult parsed, Command root)
    {
        var commands = string.Join(", ", root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).Order());
        var problem = (parsed.UnmatchedTokens.Count > 0 ? parsed.UnmatchedTokens[0] : null) switch
        {
            null => "no command given",
            var token when token.StartsWith('-') => $"unknown option '{token}'",
            var token => $"unknown command '{token}'",
        };
        return $"{problem}; the commands are {commands}";
    }

    /// <summary>The words a user types to reach <paramref name="result"/>'s command, from the program name.</summary>
    private static string CommandLine(CommandResult result)
    {
        var words = new List<string>();
        for (SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is CommandResult { Command: var command })
            {
                words.Insert(0, command is RootCommand ? ProgramName : command.Name);
            }
        }

        return string.Join(' ', words);
    }

    private static bool IsUserError(Exception e) =>
        e is ModelLoadException or FrameSourceException or OutputException or UsageException or FileNotFoundException
            or DirectoryNotFoundException or UnauthorizedAccessException or InvalidDataException
            or DisplayUnavailableException;
}
