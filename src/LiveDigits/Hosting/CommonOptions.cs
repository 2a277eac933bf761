using System.CommandLine;
using LiveDigits.Pipeline.Classification;
using Microsoft.Extensions.Logging;

namespace LiveDigits.App.Hosting;

/// <summary>Options shared by several commands, declared once.</summary>
public static class CommonOptions
{
    /// <summary>Gets <c>--log-level</c>: how much goes to standard error.</summary>
    public static Option<LogLevel> LogLevel { get; } = new("--log-level")
    {
        Description = "Least severe log messages shown on standard error (Trace, Debug, Information, Warning, Error).",
        DefaultValueFactory = _ => Microsoft.Extensions.Logging.LogLevel.Information,
        Recursive = true,
    };

    /// <summary>Creates a <c>--model</c> option; each command owns its instance.</summary>
    /// <param name="description">What the model is used for by that command.</param>
    /// <returns>The option.</returns>
    public static Option<string?> Model(string description) => PathOption("--model", description, "FILE");

    /// <summary>
    /// Creates an option whose value is a file or folder; every such option is made here. System.CommandLine
    /// gives an option the next word as its value whatever it is, so <c>--jsonl --no-window</c> wrote a file
    /// named <c>--no-window</c> and showed the window asked not to be shown. A value that is one of the
    /// command's options, or any word starting with <c>--</c>, is refused while parsing; a file that really is
    /// named so can be given as <c>./--name</c>. An empty or blank value is refused too: it reached .NET's path
    /// functions, whose ArgumentException came out as an internal error.
    /// </summary>
    /// <param name="name">The option's name, such as <c>--jsonl</c>.</param>
    /// <param name="description">What the path is for.</param>
    /// <param name="helpName">What the value is: FILE, DIR or NAME.</param>
    /// <returns>The option; the caller may make it required or give it a default.</returns>
    public static Option<string?> PathOption(string name, string description, string helpName)
    {
        var option = new Option<string?>(name) { Description = description, HelpName = helpName };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Any(t => string.IsNullOrWhiteSpace(t.Value)))
            {
                result.AddError($"{name}: the {(helpName == "DIR" ? "folder" : "file")} name is empty");
            }
            else if (result.Tokens.Count > 0 && result.Tokens[^1].Value is var value && IsOptionWord(result, value))
            {
                result.AddError(
                    $"{name} {NeedsValueError}{helpName}, not '{value}' (a file so named is given as ./{value})");
            }
        });
        return option;
    }

    /// <summary>What follows the option's name in the error <see cref="PathOption"/> raises.</summary>
    public const string NeedsValueError = "needs a ";

    /// <summary>Creates an <c>--engine</c> option; each command owns its instance.</summary>
    /// <returns>The option; read it with <see cref="ParseEngine"/>.</returns>
    public static Option<string> Engine()
    {
        var engine = new Option<string>("--engine")
        {
            Description = "What runs the network: dnn (OpenCV, the default) or ort (ONNX Runtime, faster; .onnx only).",
            DefaultValueFactory = _ => "dnn",
            HelpName = "dnn|ort",
        };

        // Checked while parsing, so the line ends with the help command as other usage errors do.
        engine.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && result.Tokens[^1].Value is not ("dnn" or "ort") and var text)
            {
                result.AddError($"--engine {text}: expected dnn (OpenCV) or ort (ONNX Runtime)");
            }
        });
        return engine;
    }

    /// <summary>Reads an <c>--engine</c> value.</summary>
    /// <param name="text">The option's value.</param>
    /// <returns>The engine.</returns>
    /// <exception cref="UsageException">The value is neither dnn nor ort.</exception>
    public static ClassifierEngine ParseEngine(string? text) => text switch
    {
        "dnn" or null => ClassifierEngine.OpenCvDnn,
        "ort" => ClassifierEngine.OnnxRuntime,
        _ => throw new UsageException($"--engine {text}: expected dnn (OpenCV) or ort (ONNX Runtime)"),
    };

    /// <summary>
    /// Tells whether a numeric option's words parse as <typeparamref name="T"/> (whole numbers for an integer
    /// type). A range validator must check this first: System.CommandLine runs validators even after a failed
    /// conversion, and reading the value then throws instead of letting the parser report "cannot parse".
    /// </summary>
    /// <typeparam name="T">The option's number type, <see cref="int"/> or <see cref="double"/>.</typeparam>
    /// <param name="result">The option's parse result.</param>
    /// <returns>True when every token is such a number (or the value is the default).</returns>
    public static bool HasNumberValue<T>(System.CommandLine.Parsing.OptionResult result)
        where T : System.Numerics.INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(result);
        var styles = typeof(T).GetInterfaces().Any(i =>
                i.IsGenericType && i.GetGenericTypeDefinition() == typeof(System.Numerics.IBinaryInteger<>))
            ? System.Globalization.NumberStyles.Integer
            : System.Globalization.NumberStyles.Float;
        return result.Tokens.All(token =>
            T.TryParse(token.Value, styles, System.Globalization.CultureInfo.InvariantCulture, out _));
    }

    /// <summary>Whether a path option's value is an option word: it starts with <c>--</c>, or is a name or alias
    /// (<c>-h</c>) of an option the command takes, its own or one it inherits (<c>--log-level</c>).</summary>
    private static bool IsOptionWord(System.CommandLine.Parsing.OptionResult result, string value)
    {
        if (value.StartsWith("--", StringComparison.Ordinal))
        {
            return true;
        }

        if (!value.StartsWith('-'))
        {
            return false;
        }

        for (var parent = result.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is System.CommandLine.Parsing.CommandResult { Command: var command }
                && command.Options.Any(o => o.Name == value || o.Aliases.Contains(value)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The start of the error <see cref="RefuseUnknownOptions{T}"/> raises, up to the option's name.</summary>
    public const string UnknownOptionError = "Unrecognized command or argument '--";

    /// <summary>
    /// Refuses a word starting with <c>--</c> as an argument: System.CommandLine hands an unknown option to an
    /// argument that takes several values, so <c>image page.png --no-windw</c> went looking for a file of that
    /// name. A file that really is named so can be given as <c>./--name</c>. An empty or blank file name is
    /// refused too (<c>image ""</c> said <c>: no such image file or folder</c>, <c>video ""</c> gave an internal
    /// error).
    /// </summary>
    /// <typeparam name="T">The argument's value type.</typeparam>
    /// <param name="argument">The command's file argument.</param>
    public static void RefuseUnknownOptions<T>(Argument<T> argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        argument.Validators.Add(result =>
        {
            if (result.Tokens.Any(t => string.IsNullOrWhiteSpace(t.Value)))
            {
                result.AddError($"{argument.Name}: the file name is empty");
            }
            else if (result.Tokens.FirstOrDefault(t => t.Value.StartsWith("--", StringComparison.Ordinal)) is { } token)
            {
                result.AddError($"{UnknownOptionError}{token.Value[2..]}'");
            }
        });
    }
}
