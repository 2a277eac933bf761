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
    public static Option<string?> Model(string description) => new("--model")
    {
        Description = description,
        HelpName = "FILE",
    };

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

    /// <summary>The start of the error <see cref="RefuseUnknownOptions{T}"/> raises, up to the option's name.</summary>
    public const string UnknownOptionError = "Unrecognized command or argument '--";

    /// <summary>
    /// Refuses a word starting with <c>--</c> as an argument: System.CommandLine hands an unknown option to an
    /// argument that takes several values, so <c>image page.png --no-windw</c> went looking for a file of that
    /// name. A file that really is named so can be given as <c>./--name</c>.
    /// </summary>
    /// <typeparam name="T">The argument's value type.</typeparam>
    /// <param name="argument">The command's file argument.</param>
    public static void RefuseUnknownOptions<T>(Argument<T> argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        argument.Validators.Add(result =>
        {
            if (result.Tokens.FirstOrDefault(t => t.Value.StartsWith("--", StringComparison.Ordinal)) is { } token)
            {
                result.AddError($"{UnknownOptionError}{token.Value[2..]}'");
            }
        });
    }
}
